#!/usr/bin/env python3
"""The measuring half of quality-outside.sh: asks the running node's preview for every judged interest, imports one
subscriber per judged interest, forces a run, reads the mails the recorder kept and prints nDCG@10 of the preview and
precision and recall of on-topic papers among what each digest holds, per judgments file and over all of them.

usage: quality_outside.py PORT TOKEN WORKDIR JUDGMENTS.json...
"""
import email
import email.policy
import glob
import html
import json
import math
import os
import re
import sys
import time
import urllib.parse
import urllib.request

port, token, work, sets = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
base = f'http://localhost:{port}'


def call(method, path, body=None, admin=True):
    headers = {'Content-Type': 'application/json'}
    if admin:
        headers['Authorization'] = f'Bearer {token}'
    request = urllib.request.Request(base + path, method=method, headers=headers,
                                     data=None if body is None else json.dumps(body).encode())
    with urllib.request.urlopen(request, timeout=120) as answer:
        return json.load(answer)


def dcg(grades):
    return sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(grades[:10]))


def squash(text):
    return re.sub(r'\s+', ' ', text).strip().lower()


def mail_text(path):
    """The visible text of a kept mail's HTML part: marks dropped, other tags a space, entities decoded, spaces squashed."""
    with open(path, 'rb') as f:
        message = email.message_from_binary_file(f, policy=email.policy.default)
    part = message.get_body(preferencelist=('html',))
    text = re.sub(r'<[^>]+>', ' ', re.sub(r'</?(mark|b|strong|em|span)\b[^>]*>', '', part.get_content()))
    return message['To'].addresses[0].addr_spec.lower(), squash(html.unescape(text))


for _ in range(120):
    if call('GET', '/api/admin/stats').get('papers', 0) >= 62:
        break
    time.sleep(0.5)
judged = []
for number, path in enumerate(sets):
    for i, j in enumerate(json.load(open(path))['judgments']):
        grades = {t: 1 for t in j.get('related', [])}
        grades.update({t: 2 for t in j.get('onTopic', [])})
        judged.append({'set': os.path.basename(path), 'interest': j['interest'], 'grades': grades,
                       'email': f'q{number}-{i}@quality.example'})

for j in judged:
    answer = call('GET', '/api/preview?' + urllib.parse.urlencode({'interest': j['interest'], 'limit': 10}),
                  admin=False)
    items = answer if isinstance(answer, list) else answer['papers']
    j['preview'] = [p['title'] for p in items]
    j['previewDigest'] = [p['title'] for p in items if p['inDigest']]

imported = call('POST', '/api/admin/subscribers', [
    {'email': j['email'], 'interests': [j['interest']], 'cadence': 'daily', 'hour': 8, 'timezone': 'UTC'}
    for j in judged])
run = call('POST', '/api/admin/digests/run', {'force': True})['runId']
for _ in range(1200):
    report = call('GET', f'/api/admin/runs/{run}')
    if report['state'] in ('finished', 'failed'):
        break
    time.sleep(0.25)
print(f'import: {json.dumps(imported)[:200]}; run: {json.dumps(report)[:300]}')

titles = {squash(t) for j in judged for t in j['grades']}
titles |= {squash(t) for j in judged for t in j['preview']}
mails = {}
for path in glob.glob(f'{work}/mails/*.eml'):
    to, text = mail_text(path)
    mails.setdefault(to, []).append(text)
print(f'mails kept: {sum(len(m) for m in mails.values())} for {len(mails)} of {len(judged)} subscribers')


def figures(rows):
    graded = [j for j in rows if any(g > 0 for g in j['grades'].values())]
    ndcg = sum(dcg([j['grades'].get(t, 0) for t in j['preview']]) / dcg(sorted(j['grades'].values(), reverse=True))
               for j in graded) / len(graded)
    hits = included = on_topic = 0
    for j in rows:
        text = ' '.join(mails.get(j['email'], []))
        inside = [t for t in j['grades'] if squash(t) in text]
        # papers not judged for this interest: any of the other titles the mail holds (graded 0 here)
        others = [t for t in titles if t in text and t not in {squash(x) for x in j['grades']}]
        hits += sum(1 for t in inside if j['grades'][t] == 2)
        included += len(inside) + len(others)
        on_topic += sum(1 for g in j['grades'].values() if g == 2)
    return ndcg, hits / included if included else 0, hits / on_topic, hits, on_topic, included


if os.environ.get('DETAIL'):
    for j in judged:
        text = ' '.join(mails.get(j['email'], []))
        mailed = [t for t in j['preview'] if squash(t) in text]
        if mailed != j['previewDigest']:
            print(f"{j['interest']}: preview's digest {j['previewDigest']} but mailed {mailed}")
print('| set | interests | nDCG@10 (preview) | precision | recall | |')
print('|---|---:|---:|---:|---:|---|')
for name in [os.path.basename(p) for p in sets] + ['all']:
    rows = [j for j in judged if name in ('all', j['set'])]
    ndcg, precision, recall, hits, on_topic, included = figures(rows)
    print(f'| {name} | {len(rows)} | {ndcg:.3f} | {precision:.2f} | {recall:.2f} | '
          f'{hits} of {on_topic} on-topic papers, {included} included |')
