#!/usr/bin/env bash
# Matching at scale (BENCHMARKS.md): new papers against subscribers with 3 interests each, through
# BatchMatcher.rank in batches of 500 on two threads, heap capped at 1 GB. The sentence vectors of the benchmark's
# papers and topics are computed once by the real model and kept in target/bench-vectors-*.bin.
exec env MATCHING_JAVA_OPTS="-XX:+UseParallelGC" "$(dirname "$0")/matching-java.sh" 1g dev.paperboy.matching.ScaleBenchmark "$@"
