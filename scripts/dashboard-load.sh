#!/usr/bin/env bash
# Requests per second of one page with C concurrent clients: N requests over C parallel connections of one
# curl process (one session, logged in first as $OLIST_USER with $OLIST_PASSWORD), after 20 warm-up requests.
# Usage: scripts/dashboard-load.sh [BASE] [PATH] [CLIENTS] [REQUESTS]
set -euo pipefail
base=${1:-http://127.0.0.1:18080}; path=${2:-/executive}; clients=${3:-20}; n=${4:-2000}
jar=$(mktemp); urls=$(mktemp); trap 'rm -f "$jar" "$urls"' EXIT
csrf=$(curl -s -c "$jar" "$base/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p')
curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "username=${OLIST_USER:?set OLIST_USER}" \
  --data-urlencode "password=${OLIST_PASSWORD:?set OLIST_PASSWORD}" --data-urlencode "csrf=$csrf" "$base/login"
for i in $(seq 20); do curl -s -o /dev/null -b "$jar" "$base$path"; done
for i in $(seq "$n"); do printf 'url = "%s%s"\noutput = "/dev/null"\n' "$base" "$path"; done > "$urls"
start=$(date +%s%N)
codes=$(curl -s --no-progress-meter -Z --parallel-max "$clients" -b "$jar" -K "$urls" -w '%{http_code}\n' | sort | uniq -c | tr '\n' ' ')
end=$(date +%s%N)
awk -v n="$n" -v ns="$((end - start))" -v c="$clients" -v p="$path" -v codes="$codes" \
  'BEGIN {s = ns / 1e9; printf "%s: %d requests, %d clients, %.2f s, %.0f requests/s (status: %s)\n", p, n, c, s, n / s, codes}'
