#!/usr/bin/env bash
# Runs one of matching's measuring programs (test sources, not part of ./mvnw verify) on the test classpath:
#   src/test/bench/matching-java.sh <heap> <main class> [args...]
# MATCHING_JAVA_OPTS adds JVM options (the scale benchmark picks its collector so).
set -euo pipefail
cd "$(dirname "$0")/../../.."
HEAP=$1
MAIN=$2
shift 2
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt > /dev/null
exec java -Xmx"$HEAP" ${MATCHING_JAVA_OPTS:-} -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" "$MAIN" "$@"
