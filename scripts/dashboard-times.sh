#!/usr/bin/env bash
# p50/p95 of the page time (curl time_total) per dashboard, N requests each after 3 warm-up requests.
# Logs in first as $OLIST_USER with $OLIST_PASSWORD (every page requires a session).
base=${1:-http://127.0.0.1:18080}; n=${2:-50}
jar=$(mktemp); trap 'rm -f "$jar"' EXIT
csrf=$(curl -s -c "$jar" "$base/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p')
curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "username=${OLIST_USER:?set OLIST_USER}" \
  --data-urlencode "password=${OLIST_PASSWORD:?set OLIST_PASSWORD}" --data-urlencode "csrf=$csrf" "$base/login"
for d in executive customers products sellers delivery geography; do
  for i in 1 2 3; do curl -s -o /dev/null -b "$jar" "$base/$d"; done
  for path in "/$d" "/api/$d"; do
    for i in $(seq "$n"); do curl -s -o /dev/null -b "$jar" -w '%{time_total}\n' "$base$path"; done | sort -n |
      awk -v p="$path" '{a[NR]=$1} END {printf "%-16s p50 %6.1f ms  p95 %6.1f ms  (n=%d)\n", p, a[int(NR*0.5+0.5)]*1000, a[int(NR*0.95+0.5)]*1000, NR}'
  done
done
