#!/usr/bin/env bash
# The 1000-for-1000 benchmark: starts the packaged application (-Xmx512m, embedded H2 file database in a
# fresh temp directory) and drives a whole exchange through /api and /engine-rest as its users would.
# Usage: scripts/bench-exchange.sh [port]      (default 8190; BENCH_REBUILD=1 repackages the jar first)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=target/pow-exchange-0.1.0-SNAPSHOT.jar
if [[ ! -f "$JAR" || "${BENCH_REBUILD:-0}" == 1 ]]; then
  ./mvnw -q -B package -DskipTests
fi
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx256m -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  org.powexchange.bench.ExchangeBenchmark "$JAR" "${1:-8190}"
