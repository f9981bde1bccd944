#!/usr/bin/env bash
# bench/tls.sh — Mangonel's HTTPS client side by side with wrk against one nginx worker with a
# self-signed certificate (made here with openssl), nginx pinned to CPU 0, each client to CPU 1:
#   1. keep-alive: requests/s and client CPU per request (whole process, over every request sent);
#   2. no keep-alive (a new connection and TLS handshake per request): handshakes/s and client CPU
#      per handshake, Mangonel as it comes and pinned to TLS 1.2 from the start (--tls-protocols
#      TLSv1.2). As it comes, Mangonel makes the JDK's offer, TLS 1.3 included (whose key shares,
#      x25519 and P-256, the JDK computes for every new connection), until nginx has answered with
#      TLS 1.2, then offers TLS 1.2 only: the two rows should match. wrk gets "Connection: close".
#      Both clients resume TLS sessions (after the first, the handshakes are abbreviated ones), as
#      clients reconnecting to one server do.
#
#   bench/tls.sh                      # 50 connections, 10 s, 3 repeats
#   CONNS=100 REPEAT=1 DURATION=5 bench/tls.sh
#
# Needs: nginx, wrk, openssl, taskset, /usr/bin/time. Loopback only; every run bounded by timeout(1).
set -euo pipefail

CONNS=${CONNS:-50}
DURATION=${DURATION:-10}
REPEAT=${REPEAT:-3}
PORT=${PORT:-18443}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib.sh
. "$home/bench/lib.sh"
url="https://127.0.0.1:$PORT/"

for tool in nginx wrk openssl taskset; do
  command -v "$tool" >/dev/null || { echo "bench/tls.sh: $tool is needed (apt-get install nginx wrk openssl)" >&2; exit 1; }
done
"$home/bin/engine" --version >/dev/null   # builds the jar when needed

work=$(mktemp -d)
cleanup() { stop_nginx "$work"; rm -rf "$work"; }
trap cleanup EXIT
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" -days 2 \
  -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" 2>/dev/null
start_nginx "$work" "$PORT" "$SERVER_CPU" "$work/cert.pem" "$work/key.pem"

cpu_per() { # requests -> µs of client CPU each, from $work/time
  awk -v n="$1" '{ printf "%.1f", ($2 + $3) * 1e6 / n }' "$work/time"
}
measure() { # MODE TOOL -> "rate cpu_us extra"
  local mode=$1 tool=$2 n rate extra=""
  if [ "$tool" != wrk ]; then
    local flags=(-c "$CONNS" -d "${DURATION}s" --warmup 2s -k -q)
    # mangonel-tls12 offers TLS 1.2 only from the first connection on
    [ "$tool" = mangonel-tls12 ] && flags+=(--tls-protocols TLSv1.2)
    [ "$mode" = close ] && flags+=(--no-keepalive)
    taskset -c "$CLIENT_CPU" /usr/bin/time -f '%e %U %S' -o "$work/time" \
      timeout -s INT -k 2 $((DURATION + 15)) "$home/bin/engine" load "$url" "${flags[@]}" > "$work/out" 2>&1 || true
    n=$(awk -F= '/^total_requests=/ { print $2 }' "$work/out")
    rate=$(awk -F= '/^rps=/ { printf "%.0f", $2 }' "$work/out")
    extra=$(grep -o 'tls: .*' "$work/out" | head -1)
  else
    local headers=()
    [ "$mode" = close ] && headers=(-H "Connection: close")
    taskset -c "$CLIENT_CPU" /usr/bin/time -f '%e %U %S' -o "$work/time" \
      timeout -s INT -k 2 $((DURATION + 5)) wrk -t1 -c"$CONNS" -d"${DURATION}s" "${headers[@]}" "$url" > "$work/out" 2>&1 || true
    n=$(awk '/ requests in / { print $1 }' "$work/out")
    rate=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$work/out")
  fi
  [ -n "$n" ] && [ "$n" -gt 0 ] || { echo "# $tool ($mode) printed no result:" >&2; tail -3 "$work/out" >&2; echo "- - -"; return; }
  echo "$rate $(cpu_per "$n") $extra"
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
rows="$work/rows"
: > "$rows"
for rep in $(seq "$REPEAT"); do
  for mode in keepalive close; do
    tools="mangonel wrk"
    [ "$mode" = close ] && tools="mangonel mangonel-tls12 wrk"
    for tool in $tools; do
      read -r rate cpu extra < <(measure "$mode" "$tool")
      echo -e "$mode\t$tool\t$rate\t$cpu" >> "$rows"
      echo "# repeat $rep, $mode, $tool: $rate/s, $cpu µs CPU each ${extra}" >&2
    done
  done
done

echo
echo "nginx $(nginx -v 2>&1 | sed 's/.*\///') 1 worker on CPU $SERVER_CPU (self-signed RSA 2048), clients on CPU $CLIENT_CPU,"
echo "$CONNS connections, ${DURATION}s, median of $REPEAT ($(uname -sr), $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo))"
echo
echo "| connections | client | per second | client CPU µs each | ÷ wrk (rate) | ÷ wrk (CPU) |"
echo "|---|---|---:|---:|---:|---:|"
for mode in keepalive close; do
  wr=$(awk -F'\t' -v m=$mode '$1 == m && $2 == "wrk" { print $3 }' "$rows" | median)
  wc=$(awk -F'\t' -v m=$mode '$1 == m && $2 == "wrk" { print $4 }' "$rows" | median)
  for tool in mangonel mangonel-tls12 wrk; do
    [ -n "$(awk -F'\t' -v m=$mode -v t=$tool '$1 == m && $2 == t' "$rows")" ] || continue
    r=$(awk -F'\t' -v m=$mode -v t=$tool '$1 == m && $2 == t { print $3 }' "$rows" | median)
    c=$(awk -F'\t' -v m=$mode -v t=$tool '$1 == m && $2 == t { print $4 }' "$rows" | median)
    label=$([ "$mode" = keepalive ] && echo "keep-alive (requests)" || echo "one per request (handshakes)")
    awk -v l="$label" -v t="$tool" -v r="$r" -v c="$c" -v wr="$wr" -v wc="$wc" \
      'BEGIN { printf "| %s | %s | %.0f | %.1f | %.2f | %.2f |\n", l, t, r, c, (wr > 0 ? r / wr : 0), (wc > 0 ? c / wc : 0) }'
  done
done
