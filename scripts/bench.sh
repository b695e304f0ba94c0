#!/usr/bin/env bash
# Mockroom's benchmark (docs/performance.md): builds the jar and the load generator, then runs the
# generator pinned to CPU 1; it starts the server (with its embedded Postgres) pinned to CPU 0.
#   scripts/bench.sh --sweep 100,300,1000,2000      rooms at SLO
#   scripts/bench.sh --rooms 1000 --measure 30       one load
#   scripts/bench.sh --idle 3000                     memory per idle connection
#   scripts/bench.sh --disk 60 [--dir D]            the disk's flush latency alone (of the disk D is on)
#   scripts/bench.sh --rooms 1000 --dir D            the run's data folder (its Postgres) in D, e.g. another disk
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests package
mvn -q -B -pl server -am test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/server/target/bench.classpath" -Dmdep.includeScope=test
cp="server/target/test-classes:server/target/classes:$(cat server/target/bench.classpath)"
pin=()
if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then pin=(taskset -c 1); fi
# MOCKROOM_BENCH_SERVER_JVM: JVM options for the server under test, e.g. "-XX:+UseZGC -Xmx1g".
# MOCKROOM_BENCH_SERVER_JAVA: the server's java binary (default: the generator's), e.g. a newer JDK.
# MOCKROOM_BENCH_JAR: another server jar to measure with this generator (scripts/bench-ab.sh).
exec "${pin[@]}" java -Xmx2g ${MOCKROOM_BENCH_GENERATOR_JVM:-} -Dmockroom.jar="${MOCKROOM_BENCH_JAR:-server/target/mockroom.jar}" \
  -Dmockroom.serverJvm="${MOCKROOM_BENCH_SERVER_JVM:-}" -Dmockroom.serverJava="${MOCKROOM_BENCH_SERVER_JAVA:-}" -cp "$cp" io.mockroom.bench.LoadGenerator "$@"
