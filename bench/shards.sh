#!/usr/bin/env bash
# bench/shards.sh — one load as one process, as 2 shards and as 4 shards, merged and compared.
#
# The acceptance check for sharded runs: against one built-in server (engine serve hello), the
# same open-model load (a fixed rate, so the offered load does not depend on the server or on how
# many processes send it) is run
#   (a) as one process,
#   (b) as 2 shards (--shard 0/2, 1/2) launched side by side with one common start, then merged
#       with `engine merge`,
#   (c) as 4 shards likewise;
# then a Markdown table compares the merged request counts of every repetition with the single
# process's (they should agree within TOLERANCE percent), with errors, p50/p99, each shard's start
# and lateness, and where the three report.html pages are.
#
#   bench/shards.sh                         # into a fresh folder from mktemp
#   bench/shards.sh /tmp/shards-run         # into this folder (new or empty)
#   RATE=20000/s DURATION=5 bench/shards.sh
#   START=in bench/shards.sh                # common --start-in instead of one computed --start-at
#
# Settings (environment): RATE (10000/s), CONNS (50 connections in all, split over the shards),
# DURATION (10, seconds per measured window), WARMUP (2, seconds), REPETITIONS (2), THREADS (1
# event loop per process), PORT (18095), LEAD (8, seconds from launching the shards to their
# common start), START (at: the script computes one UTC instant and gives every shard
# --start-at; in: every shard gets --start-in LEADs and computes the instant itself),
# SHARDS ("2 4"), TOLERANCE (1, percent), SERVER_CPUS (0) and CLIENT_CPUS (1): taskset lists
# pinning the server and every client process when taskset is installed and the machine has 2 or
# more cores ("" for no pinning).
#
# Loopback only (127.0.0.1). Every engine process is bounded by timeout(1); the server and any
# shard still running are stopped on exit (trap). Needs Java 17 and Maven (bin/engine builds the
# engine), jq, and coreutils' timeout. Exit 0 when every count is within TOLERANCE, 1 otherwise.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
engine="$home/bin/engine"

RATE=${RATE:-10000/s}
CONNS=${CONNS:-50}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-2}
REPETITIONS=${REPETITIONS:-2}
THREADS=${THREADS:-1}
PORT=${PORT:-18095}
LEAD=${LEAD:-8}
START=${START:-at}
SHARDS=${SHARDS:-"2 4"}
TOLERANCE=${TOLERANCE:-1}

die() { echo "bench/shards.sh: $*" >&2; exit 2; }
for tool in jq timeout java; do command -v "$tool" >/dev/null || die "$tool is needed"; done
case $START in at|in) ;; *) die "START must be 'at' or 'in', not '$START'" ;; esac

# Pinning: the server on SERVER_CPUS, every client process on CLIENT_CPUS (the engine's own
# --client-cpus, so the pages record it), when taskset exists and there are two cores to split.
if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then
  SERVER_CPUS=${SERVER_CPUS-0}
  CLIENT_CPUS=${CLIENT_CPUS-1}
else
  SERVER_CPUS=""
  CLIENT_CPUS=""
fi

# The output folder: the argument (new or empty) or a fresh one.
if [ $# -ge 1 ]; then
  out="$1"
  mkdir -p "$out"
  [ -z "$(ls -A "$out")" ] || die "$out is not empty"
else
  out="$(mktemp -d "${TMPDIR:-/tmp}/mangonel-shards.XXXXXX")"
fi
out="$(cd "$out" && pwd)"

# Every engine process gets at most this long: the lead, every window with its warm-up, and a
# minute for JVM start, verification, drain and writing the pages.
limit=$((LEAD + REPETITIONS * (WARMUP + DURATION) + 60))

"$engine" --version >/dev/null   # builds the jar once now, not in four shards at once

# The server, stopped on exit with anything else this script started.
pids=()
# shellcheck disable=SC2317  # called by the trap
cleanup() {
  for pid in ${pids[@]+"${pids[@]}"}; do kill "$pid" 2>/dev/null || true; done
  if [ -n "${server:-}" ]; then kill "$server" 2>/dev/null || true; fi
  wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM
pin_server=()
[ -n "$SERVER_CPUS" ] && pin_server=(taskset -c "$SERVER_CPUS")
${pin_server[@]+"${pin_server[@]}"} "$engine" serve hello --port "$PORT" >"$out/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
  kill -0 "$server" 2>/dev/null || die "the server did not start (see $out/server.log)"
  sleep 0.2
done
(exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null || die "nothing listens on 127.0.0.1:$PORT after 20 s"

# The scenario every mode runs (the same file, so the shards' sha256 match and the pages name it).
cat >"$out/scenario.yaml" <<EOF
# Written by bench/shards.sh: the same open-model load for one process and for its shards.
name: shards-bench
title: "One load, one process or several shards"
description: >-
  The built-in hello server at $RATE over $CONNS connections in all ($REPETITIONS windows of
  ${DURATION} s after ${WARMUP} s of warm-up), sent by one process or split over shards.
duration: ${DURATION}s
warmup: ${WARMUP}s
repetitions: $REPETITIONS
concurrency: [$CONNS]
rate: $RATE
threads: $THREADS
${CLIENT_CPUS:+client_cpus: "$CLIENT_CPUS"}
frameworks:
  - name: mangonel-hello
    title: Mangonel built-in (Java NIO)
    url: http://127.0.0.1:$PORT
benchmarks:
  - name: hello
    title: Hello, World!
    urls: [/]
    expect: {status: 200, body: "Hello, World!"}
EOF

# (a) One process, as a sharded run would be run without --shard.
echo "== single process" >&2
rc=0
timeout -s INT -k 10 "$limit" "$engine" "$out/scenario.yaml" -q --out "$out/single" >"$out/single.log" 2>&1 || rc=$?
[ "$rc" -eq 0 ] || die "the single process exited $rc (see $out/single.log)"

# (b), (c) N shards launched together with one common start, then merged.
for n in $SHARDS; do
  echo "== $n shards" >&2
  dir="$out/shards-$n"
  mkdir -p "$dir"
  if [ "$START" = at ]; then
    start=(--start-at "$(date -u -d "@$(( $(date +%s) + LEAD ))" +%Y-%m-%dT%H:%M:%SZ)")
  else
    start=(--start-in "${LEAD}s")
  fi
  pids=()
  for ((i = 0; i < n; i++)); do
    timeout -s INT -k 10 "$limit" "$engine" "$out/scenario.yaml" -q --shard "$i/$n" "${start[@]}" \
      --out "$dir/shard-$i" >"$dir/shard-$i.log" 2>&1 &
    pids+=($!)
  done
  failed=0
  for ((i = 0; i < n; i++)); do
    rc=0
    wait "${pids[$i]}" || rc=$?
    [ "$rc" -eq 0 ] || { echo "shard $i/$n exited $rc (see $dir/shard-$i.log)" >&2; failed=1; }
  done
  pids=()
  [ "$failed" -eq 0 ] || die "a shard of $n failed"
  shard_dirs=()
  for ((i = 0; i < n; i++)); do shard_dirs+=("$dir/shard-$i"); done
  "$engine" merge "${shard_dirs[@]}" --out "$dir/merged" >"$dir/merge.log" 2>&1 \
    || die "the merge of $n shards failed (see $dir/merge.log)"
done

# The table. A level's figures: .benchmarks[0].frameworks[0].levels[0].
level='.benchmarks[0].frameworks[0].levels[0]'
requests() { jq -r "[$level.runs[].requests] | map(tostring) | join(\" \")" "$1"; }
commas() { sed -E ':a;s/([0-9])([0-9]{3})($|[^0-9])/\1,\2\3/;ta'; }
single="$out/single/results.json"
read -r -a base <<<"$(requests "$single")"
expected=$(jq -r "$level.runs[0].open_model.target_rps * $DURATION | floor" "$single")
status=0
row() {  # mode, results.json
  local mode=$1 file=$2 counts ratios="" i c r errors p50 p99 late delayed unsent
  read -r -a counts <<<"$(requests "$file")"
  for i in "${!counts[@]}"; do
    c=${counts[$i]}
    r=$(awk -v a="$c" -v b="${base[$i]:-0}" 'BEGIN { printf "%.4f", b ? a / b : 0 }')
    ratios+="${ratios:+ / }$r"
    awk -v r="$r" -v t="$TOLERANCE" 'BEGIN { exit !(r >= 1 - t / 100 && r <= 1 + t / 100) }' || status=1
  done
  errors=$(jq -r "[$level.runs[].errors.total] | add" "$file")
  p50=$(jq -r "[$level.runs[].latency_ms.p50 | tostring] | join(\" / \")" "$file")
  p99=$(jq -r "[$level.runs[].latency_ms.p99 | tostring] | join(\" / \")" "$file")
  late=$(jq -r "[$level.runs[].late_ms // 0] | max | . * 10 | round / 10" "$file")
  delayed=$(jq -r "[$level.runs[].open_model.delayed] | add" "$file")
  unsent=$(jq -r "[$level.runs[].open_model.unsent] | add" "$file")
  printf '| %s | %s | %s | %s | %s | %s | %s | %s / %s | %s |\n' "$mode" \
    "$(echo "${counts[*]}" | sed 's# # / #g' | commas)" \
    "$ratios" "$errors" "$p50" "$p99" "$late" "$delayed" "$unsent" "${file%results.json}report.html"
}
echo
echo "Offered: $RATE over $CONNS connections, $REPETITIONS windows of ${DURATION} s after ${WARMUP} s of warm-up" \
  "(expected $(echo "$expected" | commas) requests a window); server pinned to '${SERVER_CPUS}', clients to" \
  "'${CLIENT_CPUS}'; common start by --start-$START."
echo
echo "| mode | requests per repetition | ratio to single | errors | p50 ms | p99 ms | late ms (max) | delayed / unsent | page |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---|"
row "1 process" "$single"
for n in $SHARDS; do row "$n shards, merged" "$out/shards-$n/merged/results.json"; done
echo
# Each shard's own start and count, to see where a difference comes from.
for n in $SHARDS; do
  for ((i = 0; i < n; i++)); do
    f="$out/shards-$n/shard-$i/results.json"
    jq -r --arg s "$i/$n" '
      .benchmarks[0].frameworks[0].levels[0] as $l
      | "shard \($s): start_at \(.shards.start_at), requests \([$l.runs[].requests | tostring] | join(" / ")),"
        + " late_ms \([$l.runs[] | (.late_ms // 0) * 10 | round / 10 | tostring] | join(" / "))"' "$f"
  done
  notes=$(jq -r '.shards.late // empty' "$out/shards-$n/merged/results.json")
  [ -z "$notes" ] || echo "merged $n: $notes"
done
echo
if [ "$status" -eq 0 ]; then
  echo "Every merged count is within $TOLERANCE% of the single process's. Results: $out"
else
  echo "Some merged count differs from the single process's by more than $TOLERANCE%. Results: $out"
fi
exit "$status"
