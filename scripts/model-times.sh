#!/usr/bin/env bash
# Times every model of the transform step at one scale, from the run's own per-step table.
# Usage: scripts/model-times.sh [scale] [work-dir]    (build first: ./mvnw -q -DskipTests package)
# Generates the sample data when it is missing, runs the pipeline once, and prints one Markdown table row
# per model (layer, model, rows, seconds) and the transform total, ready for docs/performance.md.
set -euo pipefail
scale=${1:-1}
work=${2:-olist-work/models-$scale}
here=$(cd "$(dirname "$0")/.." && pwd)
olist="$here/bin/olist"
mkdir -p "$work"
if [ ! -f "$work/sample/olist_orders_dataset.csv" ]; then
  "$olist" generate --scale "$scale" --out "$work/sample" --work-dir "$work" >/dev/null 2>&1
fi
out=$(mktemp)
"$olist" run --source "$work/sample" --work-dir "$work" >"$out" 2>/dev/null || { cat "$out" >&2; exit 1; }
echo "| model | rows | seconds |"
echo "|---|---:|---:|"
awk '$1 == "transform" && $2 != "(total)" && $2 != "dependency" { printf "| `%s` | %s | %s |\n", $2, $3, $4 }' "$out"
awk '$1 == "transform" && $2 == "(total)" { printf "| **transform (total)** | | **%s** |\n", $3 }' "$out"
grep '^run ' "$out" | sed 's/^/<!-- /; s/$/ -->/'
rm -f "$out"
