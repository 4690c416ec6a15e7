#!/usr/bin/env bash
# Ranking quality on the graded judgments of src/test/resources/quality/judgments.json (tuned on),
# judgments-heldout.json (reported only for two sessions, read in detail since), judgments-blind.json (written blind,
# read in detail since session 6), judgments-blind2.json (written blind, read in detail since session 7) and
# judgments-blind3.json (written blind, reported in aggregate only), and on all together (BENCHMARKS.md); --detail
# prints each interest of the first four:
# mean nDCG@10 of the preview, precision and recall of on-topic papers among a digest's 10, for BM25 alone,
# meaning alone and the fusion.
exec "$(dirname "$0")/matching-java.sh" 512m dev.paperboy.matching.RankingQuality "$@"
