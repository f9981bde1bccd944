#!/usr/bin/env bash
# bench/clients.sh — Mangonel's client side by side with wrk (and h2load, siege when installed),
# against one nginx worker pinned to CPU 0, every client pinned to CPU 1, same connections, same
# duration. Prints, per tool, the median over REPEAT runs of: requests/second, client CPU time per
# request (user + system of the whole process, JVM start-up and JIT included), the same in the
# steady state (the client's CPU over seconds STEADY_FROM.. of its window, per request nginx
# served meanwhile: what a request costs once start-up and compilation are paid), peak RSS, and
# the ratios to wrk (each repeat's own ratio, then their median); plus nginx's own count of the
# requests as an independent check.
#
#   bench/clients.sh                          # 50 connections, 10 s, 3 repeats
#   CONNS=1000 REPEAT=1 bench/clients.sh
#   TOOLS="mangonel wrk" JAVA_OPTS="-XX:TieredStopAtLevel=1" bench/clients.sh
#
# Needs: nginx, wrk, taskset, /usr/bin/time, curl (apt-get install nginx wrk time curl);
# h2load (nghttp2-client) and siege are used when present. Load goes to 127.0.0.1 only and every
# run is bounded by timeout(1).
set -euo pipefail

CONNS=${CONNS:-50}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-2}
MG_WARMUP=${MG_WARMUP:-2}     # Mangonel's in-process warm-up, whole seconds (see command_for)
REPEAT=${REPEAT:-3}
STEADY_FROM=${STEADY_FROM:-2} # the steady-state sample starts this many seconds into the window ...
STEADY=${STEADY:-$((DURATION - STEADY_FROM - 1))}   # ... and lasts this long (ends before the window)
PORT=${PORT:-18080}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
TOOLS=${TOOLS:-"mangonel wrk h2load siege"}
# Mangonel runs as users run it, through bin/engine (its JVM options and class-data archive);
# JAVA_OPTS adds to them.
export JAVA_OPTS=${JAVA_OPTS:-}

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib.sh
. "$home/bench/lib.sh"
url="http://127.0.0.1:$PORT/"

die() { echo "bench/clients.sh: $*" >&2; exit 1; }
[ "$STEADY" -ge 1 ] || die "STEADY must be at least 1 s (DURATION too short for STEADY_FROM)"
for tool in nginx taskset curl; do command -v "$tool" >/dev/null || die "$tool is needed (apt-get install nginx util-linux curl)"; done
[ -x /usr/bin/time ] || die "/usr/bin/time is needed (apt-get install time)"
"$home/bin/engine" --version >/dev/null   # builds the jar when needed

available=""
for tool in $TOOLS; do
  case $tool in
    mangonel) available="$available mangonel" ;;
    *) if command -v "$tool" >/dev/null; then available="$available $tool"; else echo "# $tool is not installed: skipped" >&2; fi ;;
  esac
done

work=$(mktemp -d)
cleanup() {
  stop_nginx "$work"
  rm -rf "$work"
}
trap cleanup EXIT
start_nginx "$work" "$PORT" "$SERVER_CPU"
# nginx's own CPU (master and worker, user + system, clock ticks), to charge it per request served
nginx_ticks() { local t=0 pid; for pid in $(cat "$work/nginx.pid") $(pgrep -P "$(cat "$work/nginx.pid")"); do
  t=$((t + $(proc_ticks "$pid"))); done; echo "$t"; }
ticks_per_s=$(getconf CLK_TCK)
nginx_requests() { curl -s "http://127.0.0.1:$PORT/__status" | awk 'NR == 3 { print $3 }'; }
client_pid() { # PID of the background job -> the process at the bottom (time -> timeout -> client)
  local pid=$1 child
  for _ in $(seq 100); do
    child=$(pgrep -P "$pid" | head -1 || true)
    if [ -n "$child" ]; then
      pid=$child
      [ "$(pgrep -P "$pid" | head -1 || true)" ] || { echo "$pid"; return; }
    else
      sleep 0.02
    fi
  done
  echo "$pid"
}
# steady_sample TOOL JOB -> "ticks requests" over the steady seconds (Mangonel's window starts
# after its in-process warm-up), or nothing when the client ended first
steady_sample() {
  local pid c0 r0 c1 r1 from=$STEADY_FROM
  [ "$1" = mangonel ] && from=$((from + MG_WARMUP))
  sleep "$from"
  pid=$(client_pid "$2")   # looked up now: bin/engine runs a few short commands before it execs java
  c0=$(proc_ticks "$pid"); r0=$(nginx_requests)
  sleep "$STEADY"
  c1=$(proc_ticks "$pid"); r1=$(nginx_requests)
  [ -n "$c0" ] && [ -n "$c1" ] && echo "$((c1 - c0)) $((r1 - r0 - 1))"
  return 0
}

cat > "$work/siegerc" <<SIEGE
connection = keep-alive
protocol = HTTP/1.1
benchmark = true
json_output = true
logging = false
show-logfile = false
parser = false
failures = 1000000
limit = $(( CONNS > 255 ? CONNS : 255 ))
SIEGE

command_for() { # TOOL SECONDS -> the command line
  case $1 in
    # The JVM warms up in its own process (its warm-up run below is another JVM): MG_WARMUP of
    # unrecorded traffic first. Requests/s is the measured window's; CPU per request divides the
    # whole process's CPU (start-up and JIT included) by every request it sent (total_requests=).
    mangonel) echo "$home/bin/engine load $url -c $CONNS -d ${2}s --warmup ${MG_WARMUP}s -t 1 -q" ;;
    wrk) echo "wrk -t1 -c$CONNS -d${2}s $url" ;;
    h2load) echo "h2load --h1 -t1 -c$CONNS -D $2 $url" ;;
    siege) echo "siege -R $work/siegerc -b -c$CONNS -t${2}S $url" ;;
  esac
}

parse() { # TOOL FILE -> "requests rps"
  case $1 in
    mangonel) awk -F= '/^total_requests=/ { t = $2 } /^requests=/ { r = $2 } /^rps=/ { s = $2 } END { print (t ? t : r), s }' "$2" ;;
    wrk) awk '/ requests in / { r = $1 } /^Requests\/sec:/ { s = $2 } END { print r, s }' "$2" ;;
    h2load) awk '/^requests:/ { r = $8 } /^finished in/ { s = $4 } END { print r, s }' "$2" ;;
    siege) tr -d ',' < "$2" | awk '/"transactions":/ { r = $NF } /"transaction_rate":/ { s = $NF } END { print r, s }' ;;
  esac
}

rows="$work/rows.tsv"
: > "$rows"
for rep in $(seq "$REPEAT"); do
  for tool in $available; do
    # shellcheck disable=SC2046
    taskset -c "$CLIENT_CPU" timeout -s INT -k 2 $((WARMUP + 5)) $(command_for "$tool" "$WARMUP") >/dev/null 2>&1 || true
    before=$(nginx_requests); ticks_before=$(nginx_ticks)
    taskset -c "$CLIENT_CPU" /usr/bin/time -f '%e %U %S %M' -o "$work/time" \
      timeout -s INT -k 2 $((DURATION + MG_WARMUP + 5)) $(command_for "$tool" "$DURATION") > "$work/out" 2>&1 &
    job=$!
    steady=$(steady_sample "$tool" "$job")
    wait "$job" || true
    after=$(nginx_requests); ticks_after=$(nginx_ticks)
    read -r requests rps < <(parse "$tool" "$work/out")
    read -r _ user sys rss < <(tail -1 "$work/time")
    [ -n "$requests" ] || { echo "# $tool printed no result; its output:" >&2; tail -5 "$work/out" >&2; continue; }
    read -r steady_ticks steady_requests <<< "${steady:-0 0}"
    awk -v t="$tool" -v rep="$rep" -v q="$requests" -v s="$rps" -v u="$user" -v y="$sys" -v m="$rss" \
        -v n=$((after - before - 1)) -v k=$((ticks_after - ticks_before)) -v hz="$ticks_per_s" \
        -v sk="$steady_ticks" -v sq="$steady_requests" \
        'BEGIN { printf "%s\t%s\t%.0f\t%d\t%d\t%.2f\t%.2f\t%.1f\t%.2f\t%s\n", t, rep, s, q, n,
        (u + y) * 1e6 / q, y * 1e6 / q, m / 1024, k * 1e6 / hz / n,
        (sq > 0 ? sprintf("%.2f", sk * 1e6 / hz / sq) : "") }' >> "$rows"
    echo "# repeat $rep: $(tail -1 "$rows")" >&2
    sleep 1
  done
done

median() { sort -g | awk 'NF { v[++n] = $1 } END { if (!n) exit; if (n % 2) print v[(n + 1) / 2]; else print (v[n / 2] + v[n / 2 + 1]) / 2 }'; }
# The ratio columns are the median over repeats of each repeat's own ratio: the tools of one
# repeat run back to back, while the machine's speed drifts more from one repeat to the next
# (10-45% here) than between neighbours. A ratio of medians would set one repeat's Mangonel
# against another repeat's wrk.
ratio_to_wrk() { # TOOL COLUMN -> median over repeats of tool / wrk; nothing without wrk rows
  awk -F'\t' -v t="$1" -v c="$2" '$1 == "wrk" { w[$2] = $c } $1 == t { v[$2] = $c }
    END { for (r in v) if (w[r] > 0 && v[r] != "") print v[r] / w[r] }' "$rows" > "$work/ratios"
  [ -s "$work/ratios" ] && median < "$work/ratios"
  return 0
}
echo
echo "nginx 1 worker on CPU $SERVER_CPU, clients on CPU $CLIENT_CPU, $CONNS connections, ${DURATION}s, median of $REPEAT"
echo "($(uname -sr), $(nproc) CPUs, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo); mangonel: bin/engine load${JAVA_OPTS:+, JAVA_OPTS=$JAVA_OPTS})"
echo
echo "(steady: the client's CPU from ${STEADY_FROM}s into its window for ${STEADY}s, per request nginx served meanwhile)"
echo
echo "| client | requests/s | requests (nginx) | client CPU µs/request | of which system | steady CPU µs/request | peak RSS MiB | nginx CPU µs/request | req/s ÷ wrk | CPU/req ÷ wrk | steady CPU ÷ wrk |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for tool in $available; do
  rows_of() { awk -F'\t' -v t="$tool" -v c="$1" '$1 == t { print $c }' "$rows" | median; }
  [ -n "$(awk -F'\t' -v t="$tool" '$1 == t' "$rows")" ] || continue
  rps=$(rows_of 3); nreq=$(rows_of 5); cpu=$(rows_of 6); sys=$(rows_of 7); rss=$(rows_of 8); ncpu=$(rows_of 9)
  steady=$(rows_of 10)
  rr=$(ratio_to_wrk "$tool" 3); rc=$(ratio_to_wrk "$tool" 6); rs=$(ratio_to_wrk "$tool" 10)
  awk -v t="$tool" -v r="$rps" -v n="$nreq" -v c="$cpu" -v s="$sys" -v d="$steady" -v m="$rss" -v g="$ncpu" \
      -v rr="$rr" -v rc="$rc" -v rs="$rs" 'function f(x) { return x != "" ? sprintf("%.2f", x) : "-" }
    BEGIN { printf "| %s | %.0f | %.0f | %.2f | %.2f | %s | %.1f | %.2f | %s | %s | %s |\n", t, r, n, c, s, f(d), m, g,
      f(rr), f(rc), f(rs) }'
done
