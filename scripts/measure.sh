#!/usr/bin/env bash
# Measures wall time and peak resident memory of `olist generate` and `olist run` at one scale.
# Usage: scripts/measure.sh [scale] [work-dir]    (build first: ./mvnw -q -DskipTests package)
# Prints one Markdown table row per command, ready for docs/performance.md.
set -euo pipefail
scale=${1:-1}
work=${2:-olist-work/measure-$scale}
here=$(cd "$(dirname "$0")/.." && pwd)
olist="$here/bin/olist"
mkdir -p "$work"
measure() { # label, command...
  local label=$1; shift
  local log; log=$(mktemp)
  /usr/bin/time -v "$@" >"$log.out" 2>"$log" || { cat "$log.out" "$log" >&2; exit 1; }
  local wall rss
  wall=$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')
  printf '| %s | %s | %s | %d MiB |\n' "$label" "$scale" "$wall" $((rss / 1024))
  rm -f "$log" "$log.out"
}
echo "| command | scale | wall (m:ss) | peak RSS |"
echo "|---|---|---|---|"
rm -rf "$work/sample"
measure generate "$olist" generate --scale "$scale" --out "$work/sample" --work-dir "$work"
measure "run (first, embedded PostgreSQL initialised)" "$olist" run --source "$work/sample" --work-dir "$work"
measure "run (again, same data)" "$olist" run --source "$work/sample" --work-dir "$work"
