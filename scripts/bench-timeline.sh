#!/usr/bin/env bash
# One benchmark run with a timeline of the server for finding where a tail comes from
# (docs/performance.md, "The tail"): the server's GC, safepoint and JIT logs, Postgres's
# autovacuum workers polled every 100 ms and Postgres's own log (checkpoints), all in the
# server's clock (seconds since its JVM started), next to the generator's "window opens at
# server uptime" and "worst moments" lines.
#   scripts/bench-timeline.sh --rooms 1000 --measure 30        writes bench-timeline/*
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench-timeline
mkdir -p "$out"
MOCKROOM_BENCH_SERVER_JVM="${MOCKROOM_BENCH_SERVER_JVM:-} -Xlog:gc,safepoint:file=$out/gc.log:uptime -Xlog:jit+compilation=debug:file=$out/jit.log:uptime" \
  scripts/bench.sh "$@" --out "$out/bench.json" > "$out/bench.log" 2>&1 &
bench=$!
until grep -q "Embedded Postgres started on" "$out/bench.log"; do
  kill -0 "$bench" 2>/dev/null || { tail -20 "$out/bench.log"; exit 1; }
  sleep 0.5
done
port=$(grep -o "Embedded Postgres started on 127.0.0.1:[0-9]*" "$out/bench.log" | grep -o "[0-9]*$")
server=$(pgrep -nf -- "-jar .*mockroom.jar")
# The server's start in seconds since the epoch, so that Postgres's clock gives its uptime.
started=$(awk -v t="$(awk '{print $22}' "/proc/$server/stat")" -v hz="$(getconf CLK_TCK)" \
  '/^btime/ {printf "%.2f", $2 + t / hz}' /proc/stat)
: > "$out/postgres.log"
# Postgres's own log (checkpoints with their write and sync times), its clock turned into the
# server's uptime. The generator deletes the data folder when it ends, so it is followed as it grows.
pgdata=$(grep -o "with data in [^ ]*" "$out/bench.log" | head -1 | cut -d' ' -f4)
# The embedded Postgres asks for its superuser's password, which the server keeps in its data folder.
export PGPASSWORD="$(cat "$pgdata/superuser-password")"
until ls "$pgdata"/log/*.log >/dev/null 2>&1; do
  kill -0 "$bench" 2>/dev/null || { tail -20 "$out/bench.log"; exit 1; }
  sleep 0.2
done
tail -F -n +1 "$(ls "$pgdata"/log/*.log | head -1)" > "$out/postgres-server.raw" 2>/dev/null &
follower=$!
if command -v psql >/dev/null; then
  # Every autovacuum's report (pages scanned and removed, WAL, timings) in Postgres's log; the
  # run's data folder is thrown away with it.
  psql -h 127.0.0.1 -p "$port" -U postgres -q -c "alter system set log_autovacuum_min_duration = 0" \
    -c "select pg_reload_conf()" > /dev/null
  # One connection for the whole run: a connection per poll made Postgres fork a backend on the
  # server's core every time, ~15 % of that core at five polls a second.
  psql -h 127.0.0.1 -p "$port" -U postgres -At -v started="$started" >> "$out/postgres.log" 2>/dev/null <<'SQL' &
select to_char(extract(epoch from clock_timestamp()) - :started, 'FM99990.00') || ' ' || busy
  from (select string_agg(coalesce(nullif(left(a.query, 60), ''), a.backend_type)
                 || coalesce(' [vacuum: ' || v.phase || ']', '') || coalesce(' [analyze: ' || z.phase || ']', ''), ' | ') as busy
          from pg_stat_activity a
          left join pg_stat_progress_vacuum v on v.pid = a.pid
          left join pg_stat_progress_analyze z on z.pid = a.pid
         where a.backend_type = 'autovacuum worker' or a.backend_type = 'checkpointer' and a.wait_event is null) s
 where busy is not null
\watch 0.1
SQL
  poller=$!
  wait "$bench" || true
  kill "$poller" 2>/dev/null || true
else
  echo "psql not found: Postgres's autovacuum is not polled" | tee "$out/postgres.log"
  wait "$bench" || true
fi
kill "$follower" 2>/dev/null || true
awk -v started="$started" '/^[0-9][0-9][0-9][0-9]-/ {
    cmd = "date -d \"" $1 " " $2 " " $3 "\" +%s.%N"; cmd | getline at; close(cmd)
    printf "%.2f %s\n", at - started, substr($0, index($0, "]") + 2)
    next
  }
  # The further lines of a message (the pages, tuples and timings of an autovacuum report), as they are.
  { print "      " $0 }' "$out/postgres-server.raw" > "$out/postgres-server.log"
rm -f "$out/postgres-server.raw"
grep -E "^rooms=|^window|^worst|^per minute|^! " "$out/bench.log"
echo "timeline in $out/: gc.log, jit.log, postgres.log (autovacuum), postgres-server.log (Postgres's log; server uptime, seconds)"
