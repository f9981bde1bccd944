#!/usr/bin/env bash
# bench/hiccup.sh — why latency must be measured from when a request was due.
#
# A test server freezes completely for 200 ms every 2 s (engine/src/test/.../HiccupServer). At a
# constant request rate, a tenth of the requests arrive during a freeze and wait uniformly up to
# 200 ms: the true p99 is 180 ms and the true p90 is the ordinary sub-millisecond latency. This
# script measures that server three ways, 50 connections each, 10 s:
#   Mangonel, open model at 1000/s (latency from the due time, as wrk2 does);
#   Mangonel, closed model (like wrk and siege: one request in flight per connection);
#   wrk -t1 -c50 --latency (when installed).
# Server on CPU 0, clients on CPU 1; loopback only; every run bounded by timeout(1).
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT=${PORT:-18090}
DURATION=${DURATION:-10}
"$home/bin/engine" --version >/dev/null
if [ ! -f "$home/engine/target/test-classes/org/mangonel/fixtures/HiccupServer.class" ]; then
  (cd "$home" && mvn -B -q -pl engine test-compile)
fi
taskset -c 0 java -cp "$home/engine/target/test-classes" org.mangonel.fixtures.HiccupServer --port "$PORT" >/dev/null &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
sleep 1
url="http://127.0.0.1:$PORT/"
engine() { taskset -c 1 timeout -s INT -k 2 $((DURATION + 10)) java -XX:+UseSerialGC -jar "$home/engine/target/mangonel.jar" load "$url" \
  -c 50 -d "${DURATION}s" --warmup 1s -q --timeout 2s "$@"; }
row() { awk -v name="$1" '/^  Latency \(from due\)/ { printf "| %s | %s | %s | %s | %s |\n", name, $7, $9, $11, $15 }'; }
echo "| measurement | p50 | p90 | p99 | max |"
echo "|---|---:|---:|---:|---:|"
engine --rate 1000/s | row "Mangonel, open model, 1000/s"
engine | row "Mangonel, closed model"
if command -v wrk >/dev/null; then
  taskset -c 1 timeout -s INT -k 2 $((DURATION + 10)) wrk -t1 -c50 -d"${DURATION}s" --latency "$url" |
    awk '/^     50%/ { p50 = $2 } /^     90%/ { p90 = $2 } /^     99%/ { p99 = $2 } /^    Latency/ { max = $4 }
         END { printf "| wrk 4.1 (closed model) | %s | %s | %s | %s |\n", p50, p90, p99, max }'
fi
echo
echo "Truth: p90 = the server's ordinary latency (well under 1 ms), p99 = 180 ms, max = 200 ms."
