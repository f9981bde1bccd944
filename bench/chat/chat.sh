#!/usr/bin/env bash
# bench/chat/chat.sh — Mangonel's chat client side by side with two independent clients, mgchat (C,
# bench/chat/mgchat.c) and nodechat (Node.js, bench/chat/nodechat.js; run when node is installed),
# against one and the same built-in chat relay (engine serve chat).
# The server is pinned to CPU 0, each client in turn to CPU 1. For each message rate per client
# and each client, one measured window per repetition; the table shows medians over REPEAT of:
# deliveries/s, client and server CPU per delivery (both from /proc/PID/stat over the same
# steady seconds), their ratio, and the clients' own p50/p99 delivery latency. See README.md.
#
#   bench/chat/chat.sh                                 # rates 1, 10, 100/s; 10 s windows; 3 repeats
#   REPEAT=1 DURATION=4 WARMUP=1 bench/chat/chat.sh    # a quick pass
#   RATES="10" CLIENTS_10=200 TOOLS=mgchat bench/chat/chat.sh
#
# Needs: java 17, mvn (to build the jar when missing), cc, taskset, ss, pgrep, python3.
# Load goes to 127.0.0.1 only; every process is bounded by timeout(1).
set -euo pipefail

RATES=${RATES:-"1 10 100"}            # messages per second, per client
CLIENTS_1=${CLIENTS_1:-100}           # clients at each rate (CLIENTS_<rate>; CLIENTS otherwise)
CLIENTS_10=${CLIENTS_10:-100}
CLIENTS_100=${CLIENTS_100:-20}
CLIENTS=${CLIENTS:-100}
SIZE=${SIZE:-64}                      # bytes per message line, LF excluded
DURATION=${DURATION:-10}              # measured window, whole seconds
WARMUP=${WARMUP:-2}                   # unrecorded traffic before it
DRAIN=${DRAIN:-1}                     # wait for late deliveries after it
SETTLE=${SETTLE:-1}                   # CPU sampling starts this long after the warm-up ends ...
STEADY=${STEADY:-$((DURATION - SETTLE - 1))}   # ... and lasts this long (ends 1 s before the window)
REPEAT=${REPEAT:-3}
PORT=${PORT:-19400}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
TOOLS=${TOOLS:-"mangonel mgchat nodechat"}
MG_THREADS=${MG_THREADS:-1}           # Mangonel event loops (mgchat has one thread)
# The JVM options bin/engine uses, for the relay and the client (builtin:chat adds a heap that starts
# small and shrinks when the last client has left: Host.BUILTIN_JVM_FLAGS).
JAVA_OPTS=${JAVA_OPTS:-"-XX:+UseSerialGC -XX:AutoBoxCacheMax=65536"}

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=bench/lib.sh
. "$home/bench/lib.sh"
here="$home/bench/chat"
jar="$home/engine/target/mangonel.jar"

die() { echo "chat.sh: $*" >&2; exit 1; }
for tool in java cc taskset ss pgrep python3 timeout getconf; do
  command -v "$tool" >/dev/null || die "$tool is needed"
done
case " $TOOLS " in *" nodechat "*)
  command -v node >/dev/null || { echo "# node is not installed: nodechat skipped" >&2; TOOLS=${TOOLS//nodechat/}; } ;;
esac
[ "$STEADY" -ge 1 ] || die "STEADY must be at least 1 s (DURATION too short for SETTLE)"
[ $((SETTLE + STEADY)) -le "$DURATION" ] || die "SETTLE + STEADY must fit in DURATION"
if [ ! -f "$jar" ]; then
  command -v mvn >/dev/null || die "the jar is missing and mvn is not installed"
  echo "# building the engine jar" >&2
  (cd "$home" && mvn -B -q -DskipTests package -pl engine) >&2
fi

work=$(mktemp -d)
server_pid=""      # the server JVM (sampled)
server_timeout=""  # its timeout(1) wrapper (stopped at the end; it passes the signal on)
client_pid=""      # the running client's timeout(1) wrapper
cleanup() {
  [ -n "$client_pid" ] && kill "$client_pid" 2>/dev/null || true
  [ -n "$server_timeout" ] && kill "$server_timeout" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cc -O2 -Wall -Wextra -o "$work/mgchat" "$here/mgchat.c"

hz=$(getconf CLK_TCK)
now() { date +%s.%N; }
child_of() { # PID -> its only child's PID (timeout runs the command as its child)
  local c=""
  for _ in $(seq 100); do
    c=$(pgrep -P "$1" | head -1 || true)
    [ -n "$c" ] && { echo "$c"; return; }
    sleep 0.02
  done
  die "no child process under $1"
}
established() { ss -Htn state established "( sport = :$PORT )" | wc -l; }
clients_for() { local v="CLIENTS_$1"; echo "${!v:-$CLIENTS}"; }

# ---- the server: one for the whole bench, bounded by a generous timeout ----
per_run=$((WARMUP + DURATION + DRAIN + 40))
total=$(( (REPEAT * $(wc -w <<< "$RATES") * $(wc -w <<< "$TOOLS") + 2) * per_run + 60 ))
# shellcheck disable=SC2086
timeout -k 5 "$total" taskset -c "$SERVER_CPU" java $JAVA_OPTS -jar "$jar" serve chat --host 127.0.0.1 \
  --port "$PORT" > "$work/server.log" 2>&1 &
server_timeout=$!
server_pid=$(child_of "$server_timeout")
for _ in $(seq 100); do
  grep -q listening "$work/server.log" && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; die "the server did not start"; }
  sleep 0.1
done
grep -q listening "$work/server.log" || die "the server is not listening on $PORT"
# Unrecorded: let the server's JIT compile its relay path before anything is measured.
taskset -c "$CLIENT_CPU" timeout -k 2 30 "$work/mgchat" --port "$PORT" --clients 50 --rate 20 --size "$SIZE" \
  --warmup 0 --duration 3 --drain 0.5 > /dev/null 2>&1 || true

scenario() { # RATE FILE
  cat > "$2" <<YAML
name: chatbench
title: chat client bench
duration: ${DURATION}s
warmup: ${WARMUP}s
repetitions: 1
concurrency: [1]
frameworks:
  - name: builtin-chat
    title: engine serve chat (already running)
    url: tcp://127.0.0.1:$PORT
benchmarks:
  - name: fanout
    title: Chat fan-out
    protocol: chat
    join: "NICK user{client}"
    message_rate: $1/s
    message_size: $SIZE
    terminator: lf
    drain: ${DRAIN}s
    verify: true
YAML
}

launch() { # TOOL RATE N OUTDIR -> starts the client in the background
  local limit=$((WARMUP + DURATION + DRAIN + 30))
  case $1 in
    mangonel)
      scenario "$2" "$4/scenario.yaml"
      # shellcheck disable=SC2086
      timeout -k 2 "$limit" taskset -c "$CLIENT_CPU" java $JAVA_OPTS -jar "$jar" "$4/scenario.yaml" \
        --out "$4/out" -q --duration "${DURATION}s" --warmup "${WARMUP}s" -c "$3" -t "$MG_THREADS" \
        --client-cpus "$CLIENT_CPU" > "$4/log" 2>&1 & ;;
    mgchat|nodechat)
      local cmd=("$work/mgchat")
      [ "$1" = nodechat ] && cmd=(node "$here/nodechat.js")
      timeout -k 2 "$limit" taskset -c "$CLIENT_CPU" "${cmd[@]}" --host 127.0.0.1 --port "$PORT" \
        --clients "$3" --rate "$2" --size "$SIZE" --warmup "$WARMUP" --duration "$DURATION" \
        --drain "$DRAIN" > "$4/log" 2>&1 & ;;
  esac
  client_pid=$!
}

result() { # TOOL OUTDIR -> "deliveries_per_s lost p50_ms p99_ms self_cpu_s errors+duplicated+corrupted"
  case $1 in
    mangonel) python3 - "$2/out/results.json" <<'PY'
import json, sys
run = json.load(open(sys.argv[1]))["benchmarks"][0]["frameworks"][0]["levels"][0]["runs"][0]
m, lat = run["messages"], run["latency_ms"]
print(run["rps"], m["lost"], lat["p50"], lat["p99"], run["client"]["cpu_s"],
      run["errors"]["total"] + m["duplicated"] + m["corrupted"])
PY
    ;;
    mgchat|nodechat) tr ' ' '\n' < "$2/log" | awk -F= '{ v[$1] = $2 } END {
      if (v["deliveries_per_s"] == "") exit 1
      print v["deliveries_per_s"], v["lost"], v["p50_ms"], v["p99_ms"], v["user_s"] + v["sys_s"],
        v["errors"] + v["duplicated"] + v["corrupted"] }' ;;
  esac
}

rows="$work/rows.tsv"
: > "$rows"
for rep in $(seq "$REPEAT"); do
  for rate in $RATES; do
    n=$(clients_for "$rate")
    for tool in $TOOLS; do
      dir="$work/$tool-$rate-$rep"
      mkdir -p "$dir"
      launch "$tool" "$rate" "$n" "$dir"
      pid=$(child_of "$client_pid")
      # The warm-up starts once every client is connected (both clients fix their epoch then).
      for _ in $(seq 600); do
        [ "$(established)" -ge "$n" ] && break
        kill -0 "$client_pid" 2>/dev/null || break
        sleep 0.05
      done
      [ "$(established)" -ge "$n" ] || { echo "# $tool rate $rate: clients did not connect" >&2; tail -5 "$dir/log" >&2; }
      sleep $((WARMUP + SETTLE))
      t0=$(now); c0=$(proc_ticks "$pid"); s0=$(proc_ticks "$server_pid")
      sleep "$STEADY"
      t1=$(now); c1=$(proc_ticks "$pid"); s1=$(proc_ticks "$server_pid")
      wait "$client_pid" || true
      client_pid=""
      if ! r=$(result "$tool" "$dir" 2>/dev/null) || [ -z "$r" ]; then
        echo "# $tool rate $rate repeat $rep printed no result; its output:" >&2
        tail -5 "$dir/log" >&2
        continue
      fi
      read -r dps lost p50 p99 self_cpu bad <<< "$r"
      if [ "$lost" != 0 ] || [ "$bad" != 0 ]; then
        echo "# $tool rate $rate repeat $rep: lost $lost, errors/duplicated/corrupted $bad; its output ends:" >&2
        grep -v '^results:\|^report:' "$dir/log" | tail -5 >&2 || true
      fi
      awk -v tool="$tool" -v rate="$rate" -v n="$n" -v rep="$rep" -v dps="$dps" -v lost="$lost" -v p50="$p50" \
          -v p99="$p99" -v hz="$hz" -v c="$((c1 - c0))" -v s="$((s1 - s0))" -v t0="$t0" -v t1="$t1" \
          -v self="$self_cpu" -v dur="$DURATION" 'BEGIN {
        secs = t1 - t0; d = dps * secs
        ccpu = c / hz * 1e6 / d; scpu = s / hz * 1e6 / d
        printf "%s\t%s\t%s\t%s\t%.1f\t%.3f\t%.3f\t%.3f\t%s\t%s\t%s\t%.3f\n", rate, n, tool, rep, dps, ccpu, scpu,
          (s > 0 ? c / s : 0), p50, p99, lost, self * 1e6 / (dps * dur) }' >> "$rows"
      tail -1 "$rows" | awk -F'\t' '{ printf "# repeat %s, %s/s x %s clients, %s: %s deliveries/s, CPU us/delivery client %s server %s (client says %s), p50 %s ms, p99 %s ms, lost %s\n", $4, $1, $2, $3, $5, $6, $7, $12, $9, $10, $11 }' >&2
      sleep 1
    done
  done
done

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print ""; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo
echo "engine serve chat on CPU $SERVER_CPU, each client on CPU $CLIENT_CPU; ${SIZE}-byte messages; window ${DURATION}s" \
  "after ${WARMUP}s warm-up, ${DRAIN}s drain; CPU over ${STEADY}s steady; median of $REPEAT"
echo "($(uname -sr), $(nproc) CPUs, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo);" \
  "java $JAVA_OPTS; Mangonel -t $MG_THREADS)"
echo
echo "| rate/client | clients | client | deliveries/s | client CPU µs/delivery | server CPU µs/delivery | client CPU ÷ server CPU | p50 ms | p99 ms | lost (all runs) |"
echo "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|"
for rate in $RATES; do
  for tool in $TOOLS; do
    col() { awk -F'\t' -v r="$rate" -v t="$tool" -v c="$1" '$1 == r && $3 == t { print $c }' "$rows" | median; }
    [ -n "$(col 5)" ] || continue
    lost=$(awk -F'\t' -v r="$rate" -v t="$tool" '$1 == r && $3 == t { s += $11 } END { print s + 0 }' "$rows")
    printf "| %s/s | %s | %s | %'.0f | %.2f | %.2f | %.2f | %.3f | %.3f | %s |\n" "$rate" "$(col 2)" "$tool" \
      "$(col 5)" "$(col 6)" "$(col 7)" "$(col 8)" "$(col 9)" "$(col 10)" "$lost"
  done
done
