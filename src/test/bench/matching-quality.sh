#!/usr/bin/env bash
# Ranking quality on the graded judgments of src/test/resources/quality/judgments.json (tuned on) and
# judgments-heldout.json (never tuned on), and on both (BENCHMARKS.md):
# mean nDCG@10 of the preview, precision and recall of on-topic papers among a digest's 10, for BM25 alone,
# meaning alone and the fusion.
exec "$(dirname "$0")/matching-java.sh" 512m dev.paperboy.matching.RankingQuality "$@"
