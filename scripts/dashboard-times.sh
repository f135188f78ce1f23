#!/usr/bin/env bash
# p50/p95 of the page time (curl time_total) per dashboard, N requests each after 3 warm-up requests.
base=${1:-http://127.0.0.1:18080}; n=${2:-50}
for d in executive customers products sellers delivery geography; do
  for i in 1 2 3; do curl -s -o /dev/null "$base/$d"; done
  for path in "/$d" "/api/$d"; do
    for i in $(seq "$n"); do curl -s -o /dev/null -w '%{time_total}\n' "$base$path"; done | sort -n |
      awk -v p="$path" '{a[NR]=$1} END {printf "%-16s p50 %6.1f ms  p95 %6.1f ms  (n=%d)\n", p, a[int(NR*0.5+0.5)]*1000, a[int(NR*0.95+0.5)]*1000, NR}'
  done
done
