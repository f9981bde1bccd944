#!/usr/bin/env bash
# End-to-end check of the Slurm plumbing (submit.sh, mangonel.sbatch, merge.sbatch) on a real Slurm,
# with test/fake-engine.sh standing in for the engine:
#
#   1. 4 shards that may share CPUs (--oversubscribe): every task gets the same --start-at, its own
#      --shard I/4 and --out RUN/shard-I, and the options passed through; every task is launched
#      before the start time and begins within a second of it; the merge job runs only after the
#      last shard ended, with all four shard folders in order.
#   2. 2 shards, one failing: the merge job never runs (cancelled: DependencyNeverSatisfied).
#
#   deploy/slurm/test/array-test.sh
#
# Uses the cluster SLURM_CONF names; without SLURM_CONF, the local one (deploy/slurm/local-cluster.sh),
# starting it if needed and stopping it afterwards if it started it. Runs as root on the local cluster
# (local-cluster.sh needs root). The run folders go to MANGONEL_TEST_DIR (default: a new folder in
# /tmp), which on a real cluster must be on a shared file system. Exit status 0 when every check
# passes. Takes about 30 s.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
slurm="$(cd "$here/.." && pwd)"
home="$(cd "$slurm/../.." && pwd)"

started_cluster=0
if [ -z "${SLURM_CONF:-}" ]; then
  export SLURM_CONF="${MANGONEL_SLURM_DIR:-/tmp/mangonel-slurm}/etc/slurm.conf"
  if ! "$slurm/local-cluster.sh" status >/dev/null 2>&1; then
    "$slurm/local-cluster.sh" start
    started_cluster=1
  fi
fi
cleanup() {
  if [ "$started_cluster" = 1 ]; then "$slurm/local-cluster.sh" stop; fi
}
trap cleanup EXIT

tmp="${MANGONEL_TEST_DIR:-$(mktemp -d /tmp/mangonel-slurm-test.XXXXXX)}"
mkdir -p "$tmp"
export MANGONEL_ENGINE="$here/fake-engine.sh"
scenario="$home/scenarios/hello.yaml"
failures=0

pass() { echo "  ok:   $*"; }
fail() { echo "  FAIL: $*"; failures=$((failures + 1)); }
check() { # description command...
  local what="$1"
  shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}

# Is $1 at or after $2, by less than $3?
within() { [ "$1" -ge "$2" ] && [ $(($1 - $2)) -lt "$3" ]; }

# Reads key from a key=value file.
value() { sed -n "s/^$2=//p" "$1" | head -n 1; }

# Waits until none of the jobs is pending, running or completing (at most $2 seconds).
wait_for_jobs() { # jobs seconds
  local deadline=$(( $(date +%s) + $2 ))
  while squeue -h -j "$1" -t pending,running,configuring,completing,suspended 2>/dev/null | grep -q .; do
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "jobs $1 still not done after $2 s:" >&2
      squeue -j "$1" >&2 || true
      return 1
    fi
    sleep 1
  done
}

# State of a finished job, while Slurm still remembers it (MinJobAge).
job_state() { squeue -h -t all -j "$1" -o '%T %r' 2>/dev/null | head -n 1; }

echo "== test 1: 4 shards (sharing CPUs), common start, merge after all"
run="$tmp/ok"
MANGONEL_LEAD=8 MANGONEL_SBATCH_OPTS="--oversubscribe" \
  "$slurm/submit.sh" "$scenario" 4 --duration 2s --out "$run" -c 10
array_job="$(value "$run/submission.txt" array_job)"
merge_job="$(value "$run/submission.txt" merge_job)"
start_at="$(value "$run/submission.txt" start_at)"
start_ns="$(date -u -d "$start_at" +%s)000000000"
wait_for_jobs "$array_job,$merge_job" 120
echo "-- array job $array_job, merge job $merge_job, start $start_at; slurm logs:"
cat "$run"/slurm-*.out | sed 's/^/   | /'

last_end=0
for i in 0 1 2 3; do
  dir="$run/shard-$i"
  if [ ! -f "$dir/args.txt" ] || [ ! -f "$dir/times.txt" ]; then
    fail "shard $i: no records in $dir"
    continue
  fi
  expected="$(printf '%s\n' "$scenario" --shard "$i/4" --start-at "$start_at" --out "$dir" --duration 2s -c 10)"
  check "shard $i: arguments: SCENARIO --shard $i/4 --start-at $start_at --out RUN/shard-$i --duration 2s -c 10" \
    [ "$(cat "$dir/args.txt")" = "$expected" ]
  launched="$(value "$dir/times.txt" launched)"
  began="$(value "$dir/times.txt" began)"
  ended="$(value "$dir/times.txt" ended)"
  check "shard $i: launched before the start time ($(( (start_ns - launched) / 1000000 )) ms early)" \
    [ "$launched" -lt "$start_ns" ]
  check "shard $i: began within 1 s of the start time ($(( (began - start_ns) / 1000000 )) ms after)" \
    within "$began" "$start_ns" 1000000000
  [ "$ended" -gt "$last_end" ] && last_end="$ended"
done
if [ -f "$run/merged/args.txt" ]; then
  expected="$(printf '%s\n' merge "$run/shard-0" "$run/shard-1" "$run/shard-2" "$run/shard-3" --out "$run/merged")"
  check "merge: arguments: merge RUN/shard-0 .. RUN/shard-3 --out RUN/merged" \
    [ "$(cat "$run/merged/args.txt")" = "$expected" ]
  check "merge: every shard folder held its results" [ "$(grep -c ' ok$' "$run/merged/inputs.txt")" = 4 ]
  merge_began="$(value "$run/merged/times.txt" began)"
  check "merge: began after the last shard ended ($(( (merge_began - last_end) / 1000000 )) ms later)" \
    [ "$merge_began" -gt "$last_end" ]
else
  fail "merge: no $run/merged/args.txt (merge job: $(job_state "$merge_job"))"
fi

echo "== test 2: 2 shards, shard 1 fails: no merge"
run="$tmp/fail"
FAKE_ENGINE_FAIL_SHARD=1 FAKE_ENGINE_SECONDS=1 MANGONEL_LEAD=3 MANGONEL_SBATCH_OPTS="--oversubscribe" \
  "$slurm/submit.sh" "$scenario" 2 --out "$run" >/dev/null
array_job="$(value "$run/submission.txt" array_job)"
merge_job="$(value "$run/submission.txt" merge_job)"
wait_for_jobs "$array_job,$merge_job" 60
state="$(job_state "$merge_job")"
check "merge job $merge_job cancelled, not run (state: $state)" [ "$state" = "CANCELLED DependencyNeverSatisfied" ]
check "no merged folder" [ ! -e "$run/merged" ]

echo
if [ "$failures" -eq 0 ]; then
  echo "array-test: PASS (run folders in $tmp)"
else
  echo "array-test: $failures check(s) FAILED (run folders in $tmp)"
  exit 1
fi
