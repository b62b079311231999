#!/usr/bin/env bash
# Cross-referencing benchmark: 30,000 synthetic source records for 12,000 invented people.
# Usage: scripts/bench-matching.sh [people] [records] [seed] [accept] [review]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  org.powexchange.drafting.bench.MatchingBenchmark "$@"
