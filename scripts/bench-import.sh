#!/usr/bin/env bash
# Import + cross-referencing benchmark through the running application's API.
# Usage: scripts/bench-import.sh [people=40000] [records=100000] [seed=1] [rows-per-file=20000] [jar]
# Writes the synthetic records as CSV files (drafting/bench/ImportFiles), starts the packaged jar at -Xmx512m
# on a fresh H2 file database (job executor on), imports the files through POST /api/exchanges/{id}/sources/…
# (the last one with complete=true) and waits for "Resolve possible duplicates" (or "Confirm the lists").
# Prints each request's time as the client saw it, wall time and the application's CPU time (utime+stime from /proc)
# for both stages with the JIT compilers' share, then its CPU by thread. The client is lean on purpose (curl, grep):
# a tool started per file competes with the application for the same two cores.
# BENCH_JAVA_OPTS adds JVM options to the application (e.g. -XX:StartFlightRecording=filename=/tmp/x.jfr).
# Needs the test classes (./mvnw -B -o -q -DskipTests package) and the generator's libraries: target/bench.classpath
# (./mvnw -B -o -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test)
# or, where the dependency plugin cannot be resolved offline, the libraries inside the jar (unpacked here).
set -euo pipefail
cd "$(dirname "$0")/.."
PEOPLE=${1:-40000}; RECORDS=${2:-100000}; SEED=${3:-1}; CHUNK=${4:-20000}
JAR=${5:-target/pow-exchange-0.1.0-SNAPSHOT.jar}
PORT=${BENCH_PORT:-8191}
DIR=$(mktemp -d /tmp/bench-import.XXXXXX)
if [ -s target/bench.classpath ]; then LIBS=$(cat target/bench.classpath); else
  ABSJAR=$(realpath "$JAR"); (cd "$DIR" && jar xf "$ABSJAR" BOOT-INF/lib)
  LIBS=$(ls "$DIR"/BOOT-INF/lib/*.jar | tr '\n' ':'); fi
java -cp "target/test-classes:target/classes:$LIBS" \
  org.powexchange.drafting.bench.ImportFiles "$DIR/files" "$PEOPLE" "$RECORDS" "$SEED" "$CHUNK"
ls -l "$DIR/files"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx512m ${BENCH_JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" \
  "--spring.datasource.url=jdbc:h2:file:$DIR/pow;DB_CLOSE_ON_EXIT=FALSE${BENCH_H2:-}" \
  --powexchange.demo.simulated-neutral-party.enabled=false --camunda.bpm.job-execution.enabled=true \
  >"$DIR/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
B="http://127.0.0.1:$PORT"; AUTH="staff:demo-staff-pw"
until curl -fs -u "$AUTH" "$B/api/exchanges" >/dev/null 2>&1; do sleep 1; kill -0 $APP || { tail -50 "$DIR/app.log"; exit 1; }; done
# BENCH_SETTLE=N waits N seconds after start-up before the first import (the JIT still compiles start-up code
# for a while after the application answers; an application that has been up for a while has finished that)
sleep "${BENCH_SETTLE:-0}"
TICK=$(getconf CLK_TCK)
cpu() { awk -v t="$TICK" '{printf "%.1f", ($14+$15)/t}' /proc/$APP/stat; }
# the JIT compilers' CPU so far (their share of a run is the difference)
jit() { for t in /proc/$APP/task/*; do case "$(cat "$t/comm")" in C*CompilerThre*) awk -v tk="$TICK" '{print ($14+$15)/tk}' "$t/stat";; esac; done | awk '{s+=$1} END {printf "%.1f", s}'; }
now() { date +%s.%N; }
# BENCH_RUNS=N imports the same files N times, each into a new exchange, in the same application: the first run
# is cold (the JIT compiles the importer, the matcher and H2's write path while running them), the later ones warm
for RUN in $(seq 1 "${BENCH_RUNS:-1}"); do
echo "run $RUN:"
EX=$(curl -fs -u "$AUTH" -H 'Content-Type: application/json' -X POST "$B/api/exchanges" \
  -d "{\"agreementRef\":\"BENCH-IMPORT-$$-$RUN\",\"formulaSize\":1000,\"phaseSizes\":[390,307,303],\"title\":\"Import benchmark\"}" \
  | python3 -c 'import sys,json; print(json.load(sys.stdin)["id"])')
FILES=("$DIR"/files/*.csv); N=${#FILES[@]}
# a count of the import report, read with grep: a Python start per file would add its own 0.1 s to the run
num() { grep -o "\"$1\":[0-9]*" "$DIR/report.json" | head -1 | cut -d: -f2; }
C0=$(cpu); J0=$(jit); T0=$(now); i=0
for f in "${FILES[@]}"; do
  i=$((i+1)); name=$(basename "$f"); src=${name%-*}; complete=false; [ $i -eq $N ] && complete=true
  # the request's own time as the client saw it (upload, import, commit, answer)
  t=$(curl -fs -u "$AUTH" -H 'Content-Type: text/csv' --data-binary @"$f" -o "$DIR/report.json" -w '%{time_total}' \
    "$B/api/exchanges/$EX/sources/$src?complete=$complete")
  echo "  $name: created $(num created), rejected $(num rejected), warned $(num warned) in $t s"
done
T1=$(now); C1=$(cpu)
until curl -fs -u "$AUTH" "$B/engine-rest/task?processInstanceBusinessKey=$EX&taskDefinitionKeyIn=Task_ResolveDuplicates,Task_ConfirmLists" \
  | grep -q '"id"'; do
  sleep 0.2; kill -0 $APP || { tail -50 "$DIR/app.log"; exit 1; }
done
T2=$(now); C2=$(cpu); J2=$(jit)
PAIRS=$(curl -fs -u "$AUTH" "$B/engine-rest/task?processInstanceBusinessKey=$EX&taskDefinitionKeyIn=Task_ResolveDuplicates,Task_ConfirmLists" | python3 -c 'import sys,json; print(json.load(sys.stdin)[0]["taskDefinitionKey"])')
echo "JIT compilers during the run: $(echo "$J2 - $J0" | bc) s CPU (before it: $J0 s)"
echo "files: $N; imports: $(echo "$T1 - $T0" | bc) s wall, $(echo "$C1 - $C0" | bc) s CPU"
echo "first import to $PAIRS open: $(echo "$T2 - $T0" | bc) s wall, $(echo "$C2 - $C0" | bc) s CPU (cross-referencing alone $(echo "$T2 - $T1" | bc) s wall, $(echo "$C2 - $C1" | bc) s CPU)"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -i "cross-referenced in\|imported in\|exception" "$DIR/app.log" | tail -12 || true
# the application's CPU by thread kind over the whole run, start-up included (the JIT's compiler threads, the
# collector, H2's serialization, the job and request threads): where the CPU went, without a flight recording
echo "application CPU by thread (s):"
for t in /proc/$APP/task/*; do
  echo "$(cat "$t/comm")|$(awk -v tk="$TICK" '{print ($14+$15)/tk}' "$t/stat")"
done | awk -F'|' '{gsub(/[0-9]+/, "#", $1); s[$1] += $2} END {for (k in s) if (s[k] >= 0.5) printf "  %6.1f %s\n", s[k], k}' | sort -rn
# stop the application before its database directory goes (and let it write a flight recording)
kill $APP; wait $APP 2>/dev/null || true
cp "$DIR/app.log" /tmp/bench-last-app.log 2>/dev/null || true
rm -rf "$DIR"
