#!/usr/bin/env bash
# Matching at scale (BENCHMARKS.md "Matching at scale"): new papers against subscribers with 3 interests each, through
# BatchMatcher.rank in batches of 500 on two threads, heap capped at 1 GB; the first size is measured cold (a fresh
# JVM, nothing warmed up). The sentence vectors of the benchmark's papers and topics are computed once by the real
# model and kept in target/bench-vectors-*.bin (not timed).
# JVM options, those of the figures: the parallel collector (throughput, not pauses) and the JIT's C2 compiler alone
# (-XX:-TieredCompilation: a fresh JVM's first run spent about a third of its CPU in the tiered JIT's compilers).
# MATCHING_JAVA_OPTS replaces them, e.g. MATCHING_JAVA_OPTS=-XX:+UseParallelGC for the JVM's default (tiered) JIT.
exec env MATCHING_JAVA_OPTS="${MATCHING_JAVA_OPTS--XX:+UseParallelGC -XX:-TieredCompilation}" \
    "$(dirname "$0")/matching-java.sh" 1g dev.paperboy.matching.ScaleBenchmark "$@"
