#!/usr/bin/env bash
# A stand-in for bin/engine, for testing the Slurm plumbing without the engine (and before its
# --shard, --start-at and merge exist). It keeps the engine's contract and records what it was given:
#
#   fake-engine.sh SCENARIO --shard I/N --start-at TIME --out DIR [options...]
#       creates DIR (refusing a non-empty one, like the engine), writes DIR/args.txt (its arguments,
#       one per line) and DIR/times.txt (launched=, began=, ended= in epoch nanoseconds, host=,
#       job=), waiting until TIME like the engine, then "working" FAKE_ENGINE_SECONDS (default 2).
#       Exits 1 if FAKE_ENGINE_FAIL_SHARD is I.
#   fake-engine.sh merge DIR... --out MERGED
#       the same records in MERGED, plus inputs.txt: each input folder and whether it holds args.txt.
#   fake-engine.sh --version
set -euo pipefail

now() { date +%s%N; }
launched="$(now)"

new_folder() {
  if [ -e "$1" ] && [ -n "$(ls -A "$1")" ]; then
    echo "fake-engine: --out $1 is not empty" >&2
    exit 2
  fi
  mkdir -p "$1"
}

record_args() { printf '%s\n' "$@" >"$out/args.txt"; }

case "${1:-}" in
  --version) echo "fake-engine (deploy/slurm/test)"; exit 0 ;;
  merge)
    shift
    inputs=()
    out=""
    while [ "$#" -gt 0 ]; do
      case "$1" in
        --out) out="$2"; shift 2 ;;
        *) inputs+=("$1"); shift ;;
      esac
    done
    [ -n "$out" ] || { echo "fake-engine: merge needs --out" >&2; exit 2; }
    new_folder "$out"
    record_args merge "${inputs[@]}" --out "$out"
    for input in "${inputs[@]}"; do
      if [ -f "$input/args.txt" ]; then echo "$input ok"; else echo "$input MISSING"; fi
    done >"$out/inputs.txt"
    printf 'launched=%s\nbegan=%s\nended=%s\nhost=%s\njob=%s\n' \
      "$launched" "$launched" "$(now)" "$(hostname)" "${SLURM_JOB_ID:-}" >"$out/times.txt"
    ;;
  *)
    all=("$@")
    shard="" start_at="" out=""
    while [ "$#" -gt 0 ]; do
      case "$1" in
        --shard) shard="$2"; shift 2 ;;
        --start-at) start_at="$2"; shift 2 ;;
        --out) out="$2"; shift 2 ;;
        *) shift ;;
      esac
    done
    if [ -z "$shard" ] || [ -z "$start_at" ] || [ -z "$out" ]; then
      echo "fake-engine: needs --shard, --start-at and --out" >&2
      exit 2
    fi
    new_folder "$out"
    record_args "${all[@]}"
    # Wait for the common start time, as the engine will.
    start_ns="$(date -u -d "$start_at" +%s)000000000"
    wait_ns=$((start_ns - $(now)))
    if [ "$wait_ns" -gt 0 ]; then
      sleep "$((wait_ns / 1000000000)).$(printf %09d $((wait_ns % 1000000000)))"
    fi
    began="$(now)"
    sleep "${FAKE_ENGINE_SECONDS:-2}"
    printf 'launched=%s\nbegan=%s\nended=%s\nhost=%s\njob=%s\n' \
      "$launched" "$began" "$(now)" "$(hostname)" "${SLURM_ARRAY_JOB_ID:-}_${SLURM_ARRAY_TASK_ID:-}" >"$out/times.txt"
    echo "fake-engine: shard $shard began at $began (start $start_at)"
    if [ "${FAKE_ENGINE_FAIL_SHARD:-}" = "${shard%%/*}" ]; then
      echo "fake-engine: failing shard $shard on purpose (FAKE_ENGINE_FAIL_SHARD)" >&2
      exit 1
    fi
    ;;
esac
