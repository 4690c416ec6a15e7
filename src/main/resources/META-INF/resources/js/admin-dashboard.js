// The dashboard's live figures: polls /admin/runs and writes each run's figures in place, every 2 s while a run
// is deciding or sending, every 10 s otherwise. A run the page does not show yet, or one that has just ended, reloads
// the page, which then lays out its row and the failures afresh. Without script, a <noscript> refresh does the work.
(() => {
    const live = document.getElementById('live');
    const asOf = document.getElementById('as-of');
    const active = (state) => state === 'queued' || state === 'running';
    const utc = (iso) => iso.replace('T', ' ').slice(0, 19);

    function show(run, row) {
        row.dataset.state = run.state;
        for (const cell of row.querySelectorAll('[data-field]')) {
            const value = run[cell.dataset.field];
            cell.textContent = value === null || value === undefined ? '' : String(value);
        }
        const bar = row.querySelector('progress');
        if (bar) {
            const settled = run.due - run.pending;
            bar.max = Math.max(1, run.due);
            bar.value = settled;
            bar.textContent = settled + ' of ' + run.due;
            bar.setAttribute('aria-label', 'Run ' + run.id + ': ' + settled + ' of ' + run.due + ' settled');
        }
    }

    async function poll() {
        let wait = 10000;
        try {
            const response = await fetch('/admin/runs', {
                headers: {Accept: 'application/json'}, credentials: 'same-origin', cache: 'no-store'
            });
            const type = response.headers.get('Content-Type') || '';
            if (!response.ok || !type.startsWith('application/json')) {
                throw new Error(response.redirected ? 'signed out' : 'answer ' + response.status);
            }
            const body = await response.json();
            for (const run of body.runs) {
                const row = document.getElementById('run-' + run.id);
                if (!row || (active(row.dataset.state) && !active(run.state))) {
                    window.location.reload();
                    return;
                }
                show(run, row);
            }
            const running = body.runs.some((run) => active(run.state));
            asOf.textContent = 'As of ' + utc(body.asOf) + ' UTC';
            live.textContent = running
                ? 'A run is in progress: its figures update every 2 s.'
                : 'No run in progress; a new one shows up here within 10 s.';
            wait = running ? 2000 : 10000;
        } catch (e) {
            live.textContent = 'The figures could not be updated (' + e.message + '): reload the page.';
        }
        setTimeout(poll, wait);
    }

    if (live && asOf && window.fetch) {
        poll();
    }
})();
