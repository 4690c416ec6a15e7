#!/usr/bin/env bash
# Ranking quality on the graded judgments of src/test/resources/quality/judgments.json (tuned on),
# judgments-heldout.json (reported only for two sessions, read in detail since), judgments-blind.json (written blind,
# read in detail since session 6), judgments-blind2.json (written blind, read in detail since session 7),
# judgments-blind3.json (written blind, read in detail since session 8) and judgments-blind4.json (written blind,
# reported in aggregate only), and on all together (BENCHMARKS.md); --detail prints each interest of the first five:
# mean nDCG@10 of the preview, precision and recall of on-topic papers among a digest's 10, for BM25 alone,
# meaning alone and the fusion. Why each one misses what it misses: QualityStudy (BENCHMARKS.md, session 8).
exec "$(dirname "$0")/matching-java.sh" 512m dev.paperboy.matching.RankingQuality "$@"
