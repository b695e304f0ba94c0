#!/usr/bin/env bash
# Compares two builds on the same load, in alternation (docs/performance.md, "A/B"): this machine's
# speed drifts over a day by more than most changes are worth, so a build is only compared with
# another measured minutes apart. BASE is any git revision; it is built once in a worktree under
# bench-ab/ and run with this tree's load generator, so only the server differs.
#   scripts/bench-ab.sh main~3 --rooms 1500 --measure 30            base, this, base, this
#   RUNS=3 scripts/bench-ab.sh 5a58678 --rooms 1000                 three of each
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: scripts/bench-ab.sh BASE-REVISION [bench.sh options]}
shift
runs=${RUNS:-2}
out=bench-ab
mkdir -p "$out"
rev=$(git rev-parse --short "$base^{commit}")
tree="$out/tree-$rev"
if [ ! -f "$tree/server/target/mockroom.jar" ]; then
  rm -rf "$tree"
  git worktree prune
  git worktree add --force --detach "$tree" "$rev" >/dev/null
  (cd "$tree" && mvn -q -B -DskipTests package) > "$out/build-$rev.log" 2>&1 || { tail -30 "$out/build-$rev.log"; exit 1; }
fi
jar="$PWD/$tree/server/target/mockroom.jar"
: > "$out/summary.txt"
for i in $(seq 1 "$runs"); do
  for side in "base-$rev" this; do
    if [ "$side" = this ]; then unset MOCKROOM_BENCH_JAR; else export MOCKROOM_BENCH_JAR="$jar"; fi
    scripts/bench.sh "$@" --out "$out/$side-$i.json" > "$out/$side-$i.log" 2>&1 || { tail -20 "$out/$side-$i.log"; exit 1; }
    line="$side: $(grep -E '^rooms=' "$out/$side-$i.log" | tail -1)
  $(grep -E '^  disk flush' "$out/$side-$i.log" | tail -1 | sed 's/^ *//')
  $(grep -E '^  cpu/edit' "$out/$side-$i.log" | tail -1 | sed 's/^ *//')"
    echo "$line" | tee -a "$out/summary.txt"
  done
done
echo "runs and logs in $out/ (summary.txt)"
