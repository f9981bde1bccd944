#!/usr/bin/env bash
# A real sharded run on a real Slurm: the local single-node cluster, the engine's built-in HTTP
# server, scenarios/hello-sharded.yaml as a job array of N shards with one common start, and the
# dependent merge job. Fails unless the merged totals are exactly the shards' sums (requests,
# errors, the histogram's count) and the shards together sent the scenario's whole load.
#
#   deploy/slurm/test/real-array.sh [N]        # N shards, default 2; about a minute
#
# Needs root (the local cluster), slurm-wlm and munge (apt-get install slurm-wlm munge), python3.
# .ci/run runs it after the tests.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
slurm="$(cd "$here/.." && pwd)"
home="$(cd "$slurm/../.." && pwd)"
shards="${1:-2}"
port="${MANGONEL_TEST_PORT:-8080}"

die() { echo "real-array: $*" >&2; exit 1; }
command -v python3 >/dev/null || die "python3 is needed to check the totals"

tmp="$(mktemp -d /tmp/mangonel-real-array.XXXXXX)"
export SLURM_CONF="${MANGONEL_SLURM_DIR:-/tmp/mangonel-slurm}/etc/slurm.conf"
started_cluster=0
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  if [ "$started_cluster" = 1 ]; then "$slurm/local-cluster.sh" stop || true; fi
}
trap cleanup EXIT

if ! "$slurm/local-cluster.sh" status >/dev/null 2>&1; then
  "$slurm/local-cluster.sh" start
  started_cluster=1
fi

"$home/bin/engine" --version >/dev/null            # build once, here, before the shards need it
scenario="$tmp/hello-sharded.yaml"
sed "s#url: http://127.0.0.1:8080#url: http://127.0.0.1:$port#" "$home/scenarios/hello-sharded.yaml" > "$scenario"
"$home/bin/engine" serve hello --port "$port" > "$tmp/server.log" 2>&1 &
server=$!
for _ in $(seq 50); do
  grep -q listening "$tmp/server.log" 2>/dev/null && break
  sleep 0.2
done
grep -q listening "$tmp/server.log" || die "the built-in server did not start: $(cat "$tmp/server.log")"

run="$tmp/run"
MANGONEL_LEAD="${MANGONEL_LEAD:-20}" MANGONEL_SBATCH_OPTS="--oversubscribe" \
  "$slurm/submit.sh" "$scenario" "$shards" --out "$run"

echo "real-array: waiting for the merge job (at most 5 minutes)"
for _ in $(seq 300); do
  [ -f "$run/merged/results.json" ] && break
  if ! squeue -h >/dev/null 2>&1; then die "squeue failed"; fi
  [ -n "$(squeue -h 2>/dev/null)" ] || { sleep 2; [ -f "$run/merged/results.json" ] && break; die "the jobs ended without a merged result; see $run"; }
  sleep 1
done
[ -f "$run/merged/results.json" ] || die "no merged result after 5 minutes; see $run"

python3 - "$run" "$shards" <<'PY'
import base64, json, sys, zlib, struct
run, n = sys.argv[1], int(sys.argv[2])
def first_run(path):
    with open(path) as f:
        t = json.load(f)
    return t, t["benchmarks"][0]["frameworks"][0]["levels"][0]["runs"][0]
merged_tree, merged = first_run(run + "/merged/results.json")
total = errors = 0
for i in range(n):
    _, s = first_run(f"{run}/shard-{i}/results.json")
    total += s["requests"]
    errors += s["errors"]["total"]
    print(f"shard {i}: {s['requests']} requests, {s['errors']['total']} errors")
print(f"merged: {merged['requests']} requests, {merged['errors']['total']} errors; shards {merged_tree['shards']}")
assert merged_tree["shards"]["count"] == n, "the merge says how many shards"
assert merged["requests"] == total, f"merged requests {merged['requests']} != the shards' sum {total}"
assert merged["errors"]["total"] == errors, "merged errors are the shards' sum"
expected = 2000 * 5
sent = total + errors + (merged.get("open_model") or {}).get("unsent", 0)
assert sent == expected, f"the shards together were due {sent} requests, not the scenario's {expected}"
print("real-array: merged totals are exact")
PY
echo "real-array: ok ($run)"
