#!/usr/bin/env python3
"""Synthetic data for the delivery benchmark and proofs, the same for a given seed.

papers N FILE [SEED]: N papers in Paperboy's own JSON; 100 topics (a two-word phrase each), every paper about one topic
in its title and abstract and mentioning a second one, abstracts of ~1,100 characters of plain filler. Another
one-digit seed (default 8) gives another batch of as many papers, new to Paperboy (ids and titles differ) and of the
same sizes.
subscribers N FILE [PREFIX] [distinct]: N subscribers `PREFIX<i>@bench.example` with two of those topics each, so each
one has about 40 matching papers among 1,000 (a full digest of 10). With `distinct`, each topic comes with a third word
from the abstracts' own vocabulary ("sparse retrieval baselines"), which makes about 2,600 distinct interests, each
still matching (every word is in the papers) and each with its own vector to embed.
"""
import json
import random
import sys

ADJECTIVES = ['sparse', 'quantum', 'causal', 'federated', 'contrastive', 'bayesian', 'robust', 'spectral',
              'temporal', 'symbolic']
NOUNS = ['retrieval', 'segmentation', 'tokenizers', 'planning', 'compression', 'alignment', 'forecasting',
         'distillation', 'watermarking', 'rendering']
TOPICS = [f'{a} {n}' for a in ADJECTIVES for n in NOUNS]
FILLER = ('we study a setting in which the method is evaluated on several benchmarks and compared with strong '
          'baselines from recent work; the results show consistent gains across tasks while the cost stays '
          'moderate, and an ablation explains which parts matter most for the final quality of the outcome').split()


def papers(n, path, seed=8):
    rng = random.Random(seed)
    out = []
    for i in range(n):
        main = TOPICS[i % len(TOPICS)]
        other = TOPICS[rng.randrange(len(TOPICS))]
        words = [rng.choice(FILLER) for _ in range(150)]
        words.insert(20, main)
        words.insert(90, other)
        words.insert(130, main)
        abstract = ' '.join(words).capitalize() + '.'
        # titles are a paper's key too: another seed's say 'trial' (as long as 'study', so a digest keeps its size)
        title = f'{main.capitalize()} at scale: {"study" if seed == 8 else "trial"} {i} of {n}'
        out.append({'id': f'bench-{seed}-{i}', 'title': title,
                    'abstract': abstract, 'authors': ['A. Author', 'B. Author'], 'categories': ['cs.LG'],
                    'url': f'https://example.org/papers/{seed}/{i}'})
    with open(path, 'w') as f:
        json.dump(out, f)


WORDS = sorted({w.strip(';,') for w in FILLER if len(w.strip(';,')) > 4})


def subscribers(n, path, prefix='sub', seed=9, distinct=False):
    rng = random.Random(seed)
    zones = ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'UTC', 'Australia/Sydney']
    out = []
    for i in range(n):
        a, b = rng.sample(TOPICS, 2)
        if distinct:
            a, b = f'{a} {rng.choice(WORDS)}', f'{b} {rng.choice(WORDS)}'
        out.append({'email': f'{prefix}{i}@bench.example', 'interests': [a, b], 'cadence': 'daily',
                    'hour': rng.randrange(24), 'timezone': zones[i % len(zones)]})
    with open(path, 'w') as f:
        json.dump(out, f)


if __name__ == '__main__':
    kind, count, file = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    if kind == 'papers':
        papers(count, file, int(sys.argv[4]) if len(sys.argv) > 4 else 8)
    else:
        subscribers(count, file, sys.argv[4] if len(sys.argv) > 4 else 'sub',
                    distinct=len(sys.argv) > 5 and sys.argv[5] == 'distinct')
