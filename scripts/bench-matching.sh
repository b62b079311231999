#!/usr/bin/env bash
# Cross-referencing benchmark: 30,000 synthetic source records for 12,000 invented people.
# Usage: scripts/bench-matching.sh [people] [records] [seed] [accept] [review]
# JAVA_OPTS are passed to the JVM (e.g. -Dbench.kinds=true for false merges by kind).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -o test-compile
if ! ./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test \
    >/dev/null 2>&1; then
  # offline without the dependency plugin's own dependencies: the matcher needs only these three jars
  prop() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" pom.xml | head -1; }
  m2="${MAVEN_REPO:-$HOME/.m2/repository}"
  echo "$m2/com/ibm/icu/icu4j/$(prop icu4j.version)/icu4j-$(prop icu4j.version).jar:$m2/org/apache/commons/commons-text/$(prop commons-text.version)/commons-text-$(prop commons-text.version).jar:$m2/org/apache/commons/commons-lang3/$(prop commons-lang3.version)/commons-lang3-$(prop commons-lang3.version).jar" \
    > target/bench.classpath
fi
exec java -Xmx512m ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  org.powexchange.drafting.bench.MatchingBenchmark "$@"
