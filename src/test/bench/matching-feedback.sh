#!/usr/bin/env bash
# What feedback ("more/less like this") costs a person's ranking (BENCHMARKS.md, matching-feedback):
#   src/test/bench/matching-feedback.sh [new papers] [people]
exec "$(dirname "$0")/matching-java.sh" 1g dev.paperboy.matching.FeedbackCost "$@"
