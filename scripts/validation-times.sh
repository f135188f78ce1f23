#!/usr/bin/env bash
# Measures the validation steps (orders through the Order aggregate, customers through the RFM
# segmentation) at one scale, from the run's own per-step table: orders validated per second and the
# validation's share of the pipeline's wall time.
# Usage: scripts/validation-times.sh [scale] [work-dir]    (build first: ./mvnw -q -DskipTests package)
# Generates the sample data when it is missing, runs the pipeline once, prints one Markdown table row.
set -euo pipefail
scale=${1:-1}
work=${2:-olist-work/validation-$scale}
here=$(cd "$(dirname "$0")/.." && pwd)
olist="$here/bin/olist"
mkdir -p "$work"
if [ ! -f "$work/sample/olist_orders_dataset.csv" ]; then
  "$olist" generate --scale "$scale" --out "$work/sample" --work-dir "$work" >/dev/null 2>&1
fi
out=$(mktemp)
"$olist" run --source "$work/sample" --work-dir "$work" >"$out" 2>/dev/null || { cat "$out" >&2; exit 1; }
# seconds of a duration as printed ("12.34 s" or "3 min 05 s")
awk -v scale="$scale" '
  function seconds(text,   parts) {
    if (text ~ /min/) { split(text, parts, " "); return parts[1] * 60 + parts[3] }
    split(text, parts, " "); return parts[1]
  }
  $1 == "validate" && $2 == "orders" { orders = $3; gsub(",", "", orders); orders_s = seconds($4 " " $5) }
  $1 == "validate" && $2 == "customer" { people = $4; gsub(",", "", people); segments_s = seconds($5 " " $6) }
  $1 == "run" && $3 == "succeeded" { sub(/.* in /, ""); sub(/:.*/, ""); total_s = seconds($0) }
  END {
    printf "| %s | %d | %.2f | %.0f | %d | %.2f | %.2f | %.1f %% |\n", scale, orders, orders_s, orders / orders_s,
      people, segments_s, total_s, 100 * (orders_s + segments_s) / total_s
  }' "$out"
grep '^validation: \|^run ' "$out" | sed 's/^/<!-- /; s/$/ -->/'
rm -f "$out"
