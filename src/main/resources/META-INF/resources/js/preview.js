// The interests field's live preview: below the field, the papers the interest on the caret's line would bring, or
// where the interest language stumbles. Asked 300 ms after the last keystroke, one request at a time (an answer for
// words no longer there is dropped), and a 429 from the rate limit pauses it quietly until the server's Retry-After.
// Without script the form's "Preview my interests" button asks the server for every interest instead.
(function () {
  'use strict';
  var field = document.getElementById('interests');
  var region = document.getElementById('interests-preview');
  if (!field || !region || !window.fetch || !window.DOMParser) { return; }
  var DELAY = 300, KEEP = 60000, REMEMBERED = 100;
  var limit = parseInt(region.getAttribute('data-limit'), 10) || 5;
  var described = field.getAttribute('aria-describedby');
  var invalidAtLoad = field.getAttribute('aria-invalid');
  var buttons = document.querySelectorAll('[data-preview-button]');
  for (var i = 0; i < buttons.length; i++) { buttons[i].hidden = true; }

  var timer = null, wanted = '', wantedLine = 1, shown = null, inFlight = null, pausedUntil = 0;
  var answers = {}, order = [];

  function normalized(line) {
    return line.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().replace(/\s+/g, ' ');
  }

  // the interest on the caret's line, and that line's number
  function caretLine() {
    var text = field.value, at = field.selectionEnd || 0;
    var start = text.lastIndexOf('\n', at - 1) + 1, end = text.indexOf('\n', at);
    if (end < 0) { end = text.length; }
    return { text: normalized(text.slice(start, end)), number: text.slice(0, start).split('\n').length };
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(update, DELAY);
  }

  function update() {
    if (!normalized(field.value)) { wanted = ''; shown = null; clear(); return; }
    var line = caretLine();
    if (!line.text) { return; } // a blank line, say after Enter: what is shown stays
    wanted = line.text;
    wantedLine = line.number;
    if (wanted === shown) { return; }
    var known = answers[wanted];
    if (known && Date.now() - known.at < KEEP) { show(wanted, known.answer); return; }
    if (inFlight !== null || Date.now() < pausedUntil) { return; } // the answer, or the pause's end, asks again
    ask(wanted);
  }

  function ask(interest) {
    inFlight = interest;
    region.setAttribute('aria-busy', 'true');
    fetch('/api/preview?limit=' + limit + '&interest=' + encodeURIComponent(interest),
        { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (response.status === 429) {
          var wait = parseInt(response.headers.get('Retry-After'), 10);
          return { paused: Math.min(Math.max(isNaN(wait) ? 10 : wait, 2), 120) };
        }
        return response.json().then(function (body) {
          return response.ok ? { papers: body } : { error: String(body.error), position: body.position || 0 };
        });
      })
      .catch(function () { return { failed: true }; })
      .then(function (answer) {
        inFlight = null;
        region.removeAttribute('aria-busy');
        if (answer.paused) { pause(answer.paused); return; }
        if (answer.failed) {
          if (interest === wanted) { note('The preview is not available just now.'); shown = null; } else { update(); }
          return;
        }
        remember(interest, answer);
        if (interest === wanted) { show(interest, answer); } else { update(); } // stale: ask for the words now there
      });
  }

  function remember(interest, answer) {
    if (!answers[interest]) { order.push(interest); }
    answers[interest] = { answer: answer, at: Date.now() };
    if (order.length > REMEMBERED) { delete answers[order.shift()]; }
  }

  function pause(seconds) {
    pausedUntil = Date.now() + seconds * 1000;
    shown = null;
    note('Preview paused: many previews were asked from here. It goes on by itself in ' + seconds + ' s.');
    setTimeout(function () { pausedUntil = 0; update(); }, seconds * 1000);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  // the server's title HTML holds only <mark> around matched words; copy just those and the text
  function marked(html, plain) {
    var out = document.createDocumentFragment();
    if (!html) { out.appendChild(document.createTextNode(plain || '')); return out; }
    var body = new DOMParser().parseFromString(html, 'text/html').body;
    for (var node = body.firstChild; node; node = node.nextSibling) {
      out.appendChild(node.nodeName === 'MARK' ? el('mark', null, node.textContent)
          : document.createTextNode(node.textContent));
    }
    return out;
  }

  // the interest cut around what goes wrong at `at` (1-based): a quote or parenthesis alone, else the word there
  function refusedAt(interest, at) {
    if (!(at >= 1)) { return null; }
    if (at > interest.length) { return [interest, '\u00a0', '']; }
    var end = at;
    if ('"()'.indexOf(interest.charAt(at - 1)) < 0) {
      while (end < interest.length && !/\s/.test(interest.charAt(end)) && '"()'.indexOf(interest.charAt(end)) < 0) {
        end++;
      }
    }
    return [interest.slice(0, at - 1), interest.slice(at - 1, end), interest.slice(end)];
  }

  // an interest as reasons name it (as Quoted.interest does): one "quoted phrase" as typed, else in curly quotes
  function quoted(interest) {
    var onePhrase = interest.length > 2 && interest.charAt(0) === '"' && interest.indexOf('"', 1) === interest.length - 1;
    return onePhrase ? interest : '“' + interest + '”';
  }

  // why a paper matched, without the interest named above the papers (as FormPreviews.shortWhy does)
  function shortWhy(why, interest) {
    var matches = 'Matches ' + quoted(interest) + ': ';
    if (why.indexOf(matches) === 0) { return 'Matches ' + why.slice(matches.length); }
    return why === 'Close in meaning to ' + quoted(interest) + '.' ? 'Close in meaning.' : why;
  }

  function show(interest, answer) {
    shown = interest;
    var group = el('section', 'preview-group');
    group.setAttribute('aria-label', 'Preview of ' + interest);
    if (answer.error !== undefined) {
      var lines = field.value.split('\n').filter(function (l) { return normalized(l); }).length;
      var error = el('p', 'error', (lines > 1 ? 'Line ' + wantedLine + ': ' : '') + '“' + interest + '”: ' + answer.error);
      error.id = 'interests-live-error';
      var cut = refusedAt(interest, answer.position);
      if (cut) {
        var code = el('code', 'refused-at', cut[0]), mark = el('mark', null, cut[1]);
        mark.title = 'character ' + answer.position;
        code.appendChild(mark);
        code.appendChild(document.createTextNode(cut[2]));
        error.appendChild(code);
      }
      group.appendChild(error);
      fill(group, true);
      return;
    }
    // The answer lists the papers a digest would bring, then the next best up to the limit (inDigest false).
    var bring = answer.papers.filter(function (paper) { return paper.inDigest !== false; });
    var next = answer.papers.filter(function (paper) { return paper.inDigest === false; });
    if (!bring.length) {
      group.appendChild(el('p', 'preview-head', 'No recent paper matches “' + interest + '” yet; new papers may.'));
    } else {
      group.appendChild(el('p', 'preview-head', '“' + interest + '” would bring, best first:'));
      group.appendChild(papers(bring, 'preview-papers', interest));
    }
    if (next.length) {
      group.appendChild(el('p', 'preview-head preview-next-head',
        bring.length ? 'Next best, not in your digest:' : 'Closest, not in your digest:'));
      group.appendChild(papers(next, 'preview-papers preview-next', interest));
    }
    fill(group, false);
  }

  function papers(list, className, interest) {
    var ol = el('ol', className);
    list.forEach(function (paper) {
      var item = el('li'), title = paper.url ? el('a') : el('span', 'preview-title');
      if (paper.url) { title.href = paper.url; }
      title.appendChild(marked(paper.titleHtml, paper.title));
      item.appendChild(title);
      item.appendChild(document.createTextNode(' '));
      item.appendChild(el('span', 'preview-why', shortWhy(String(paper.why), interest)));
      ol.appendChild(item);
    });
    return ol;
  }

  function note(text) {
    fill(el('p', 'preview-head preview-note', text), false);
  }

  function clear() {
    fill(null, false);
  }

  function fill(node, refused) {
    while (region.firstChild) { region.removeChild(region.firstChild); }
    if (node) { region.appendChild(node); }
    if (refused) {
      field.setAttribute('aria-invalid', 'true');
      field.setAttribute('aria-describedby', (described ? described + ' ' : '') + 'interests-live-error');
    } else {
      if (invalidAtLoad) { field.setAttribute('aria-invalid', invalidAtLoad); } else { field.removeAttribute('aria-invalid'); }
      if (described) { field.setAttribute('aria-describedby', described); } else { field.removeAttribute('aria-describedby'); }
    }
  }

  field.addEventListener('input', schedule);
  field.addEventListener('keyup', schedule);
  field.addEventListener('click', schedule);
  field.addEventListener('focus', schedule);
})();
