#!/usr/bin/env bash
# bench/chat/loops.sh — does the client's default event-loop count disturb the server it measures?
# Runs bench/chat/loops.yaml (100 chat clients x 10/s against the built-in relay, unpinned) RUNS
# times with the default loop count and with each count in THREADS, and prints each run's delivery
# p99 with the median and range per setting.
#
#   bench/chat/loops.sh                   # 5 runs each of default, 1 and 2 loops (~3 min)
#   RUNS=3 THREADS="1 4" bench/chat/loops.sh
#
# Loopback only; each run is bounded by the scenario's durations and by timeout(1).
set -euo pipefail
RUNS=${RUNS:-5}
THREADS=${THREADS:-"1 2"}
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

p99_of() { # results.json -> the run's delivery p99 in ms
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))
run=r["benchmarks"][0]["frameworks"][0]["levels"][0]["runs"][0]
print(run["latency_ms"]["p99"])' "$1"
}

echo "| loops | p99 of each run (ms) | median | range |"
echo "|---|---|---:|---:|"
for setting in default $THREADS; do
  values=""
  for i in $(seq "$RUNS"); do
    args=()
    [ "$setting" = default ] || args=(--threads "$setting")
    timeout 120 "$home/bin/engine" "$home/bench/chat/loops.yaml" "${args[@]}" -q --out "$work/$setting-$i" >/dev/null
    values="$values $(p99_of "$work/$setting-$i/results.json")"
  done
  loops=$setting
  [ "$setting" = default ] && loops="default ($(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["benchmarks"][0]["settings"]["threads"])' "$work/default-1/results.json"))"
  echo "$values" | tr ' ' '\n' | grep . | sort -g | awk -v l="$loops" -v all="$values" '
    { v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      printf "| %s |%s | %.2f | %.2f–%.2f |\n", l, all, m, v[1], v[NR] }'
done
