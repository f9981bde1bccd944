#!/usr/bin/env bash
# Submits a sharded Mangonel run to Slurm: one array task per shard, all starting their load at the
# same moment, then a merge job that runs once every shard has succeeded.
#
#   deploy/slurm/submit.sh SCENARIO.yaml N [engine options...]
#   deploy/slurm/submit.sh scenarios/hello-sharded.yaml 4 --duration 30s -c 100
#   deploy/slurm/submit.sh scenarios/hello-sharded.yaml 8 --out /shared/runs/hello-8   # choose the folder
#
# What it does:
#   1. picks ONE start time for the whole run, now + MANGONEL_LEAD seconds, in UTC (ISO-8601);
#   2. creates the run folder: --out DIR if given, else reports/<scenario name>/<UTC time>-slurm/;
#   3. submits deploy/slurm/mangonel.sbatch as an array of N tasks (0..N-1); task I runs
#        engine SCENARIO --shard I/N --start-at START --out RUN/shard-I [engine options...]
#   4. submits deploy/slurm/merge.sbatch, held until every task has succeeded (afterok), which runs
#        engine merge RUN/shard-0 ... RUN/shard-(N-1) --out RUN/merged
#   5. prints the job ids and where the results will be, and writes them to RUN/submission.txt.
#
# Settings (environment):
#   MANGONEL_LEAD         seconds from submission to the common start time (default 30). It must
#                         cover queueing, job launch and the engine's start-up on every node.
#   MANGONEL_ENGINE       the engine command (default: this repository's bin/engine); tests use a
#                         stand-in (deploy/slurm/test/fake-engine.sh)
#   MANGONEL_SBATCH_OPTS  extra sbatch options for both jobs, e.g. "--partition=big --exclusive"
#                         or "--oversubscribe"; the usual SBATCH_* variables work too
#                         (SBATCH_PARTITION, SBATCH_ACCOUNT, SBATCH_TIMELIMIT, ...)
#
# The run folder, the scenario and the engine must be on a file system every compute node sees at
# the same path. The local test cluster: deploy/slurm/local-cluster.sh start.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
home="$(cd "$here/../.." && pwd)"

die() { echo "submit: $*" >&2; exit 2; }
usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; }

case "${1:-}" in -h|--help) usage; exit 0 ;; esac
[ "$#" -ge 2 ] || { usage >&2; exit 2; }

scenario="$1"
shards="$2"
shift 2

[ -f "$scenario" ] || die "no scenario file: $scenario"
scenario="$(cd "$(dirname "$scenario")" && pwd)/$(basename "$scenario")"
case "$shards" in ''|*[!0-9]*|0*) die "N must be a whole number of shards, at least 1 (got '$shards')" ;; esac
lead="${MANGONEL_LEAD:-30}"
case "$lead" in ''|*[!0-9]*) die "MANGONEL_LEAD must be a whole number of seconds (got '$lead')" ;; esac
engine="${MANGONEL_ENGINE:-$home/bin/engine}"
[ -x "$engine" ] || die "the engine is not an executable: $engine (set MANGONEL_ENGINE)"
for tool in sbatch sinfo; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool not found: install Slurm's client commands (apt-get install slurm-client), or run this on the cluster's login node"
done
read -r -a sbatch_opts <<<"${MANGONEL_SBATCH_OPTS:-}"

# The engine options pass through to every shard, except --out: it names the run folder, and each
# shard writes its own sub-folder of it.
out=""
engine_opts=()
while [ "$#" -gt 0 ]; do
  case "$1" in
    --out) [ "$#" -ge 2 ] || die "--out needs a folder"; out="$2"; shift 2 ;;
    --out=*) out="${1#--out=}"; shift ;;
    --shard|--shard=*|--start-at|--start-at=*) die "$1 is set by this script, per shard" ;;
    *) engine_opts+=("$1"); shift ;;
  esac
done

# Build the engine now, on this machine, if it needs building: otherwise every shard would wait for
# the build (bin/engine serializes it with a lock), eating into the lead time.
if [ "$engine" = "$home/bin/engine" ]; then
  "$engine" --version >/dev/null || die "the engine does not run here: $engine --version failed"
fi

# The run folder: named, or reports/<scenario name>/<UTC time>-slurm like the engine's own folders
# (the scenario's top-level "name:", else the file name).
if [ -n "$out" ]; then
  mkdir -p "$out"
  [ -z "$(ls -A "$out")" ] || die "--out $out is not empty; a run never overwrites an earlier one, choose a new folder"
  run="$(cd "$out" && pwd)"
else
  name="$(sed -n 's/^name:[[:space:]]*\([^#]*\).*/\1/p' "$scenario" | head -n 1 | tr -d "\"' " || true)"
  [ -n "$name" ] || name="$(basename "$scenario" .yaml)"
  base="$home/reports/$name/$(date -u +%Y-%m-%dT%H-%M-%SZ)-slurm"
  mkdir -p "$(dirname "$base")"
  run="$base"
  i=2
  until mkdir "$run" 2>/dev/null; do
    [ -e "$run" ] || die "cannot create the run folder $run"
    run="$base-$i" # another run in the same second
    i=$((i + 1))
  done
fi

# Shards that cannot all run at once start late and miss the common start. A rough check: the
# partition's CPUs against one CPU per shard (the sbatch script's default), unless sharing CPUs.
partition="${SBATCH_PARTITION:-}"
previous=""
for opt in "${sbatch_opts[@]}"; do
  case "$previous" in --partition|-p) partition="$opt" ;; esac
  case "$opt" in --partition=*) partition="${opt#--partition=}" ;; -p?*) partition="${opt#-p}" ;; esac
  previous="$opt"
done
[ -n "$partition" ] || partition="$(sinfo -h -o %P 2>/dev/null | sed -n 's/\*$//p' | head -n 1 || true)"
if [ -n "$partition" ] && [[ " ${sbatch_opts[*]} " != *" --oversubscribe "* && " ${sbatch_opts[*]} " != *" -s "* ]]; then
  cpus="$(sinfo -h -p "$partition" -o %C 2>/dev/null | awk -F/ '{t += $4} END {print t + 0}' || true)"
  if [ "${cpus:-0}" -gt 0 ] && [ "$shards" -gt "$cpus" ]; then
    echo "submit: WARNING: $shards shards of 1 CPU each, but partition $partition has $cpus CPUs in all:" \
         "some shards will wait for others to finish and start after the common start time." \
         "Use fewer shards, or let shards share CPUs (MANGONEL_SBATCH_OPTS=--oversubscribe, if the partition allows it)." >&2
  fi
fi

# One start time for every shard, in UTC.
start_at="$(date -u -d "@$(( $(date +%s) + lead ))" +%Y-%m-%dT%H:%M:%SZ)"

# What the jobs need, passed through their environment (--export=ALL adds everything else here,
# e.g. PATH and JAVA_OPTS, even where the site's default is not to).
export MANGONEL_HOME="$home" MANGONEL_ENGINE="$engine" MANGONEL_RUN="$run" \
       MANGONEL_START_AT="$start_at" MANGONEL_SHARDS="$shards"

# The shards. Slurm does not create the folders of --output files: the run folder exists by now.
array_job="$(sbatch --parsable --export=ALL --chdir="$home" \
  --array="0-$((shards - 1))" --job-name="mangonel-$(basename "$scenario" .yaml)" \
  --output="$run/slurm-%A_%a.out" "${sbatch_opts[@]}" \
  "$here/mangonel.sbatch" "$scenario" "${engine_opts[@]}")" || {
  rmdir "$run" 2>/dev/null || true # nothing submitted: leave no empty run folder behind
  die "sbatch refused the shard array (is SLURM_CONF set? for the local cluster: deploy/slurm/local-cluster.sh start)"
}
array_job="${array_job%%;*}" # --parsable prints "jobid" or "jobid;cluster"

# The merge, once every array task has ended with exit status 0 (afterok on the array's job id
# means all of its tasks). If a shard fails, the dependency can never be met and
# --kill-on-invalid-dep cancels the merge instead of leaving it pending forever.
if ! merge_job="$(sbatch --parsable --export=ALL --chdir="$home" \
     --dependency="afterok:$array_job" --kill-on-invalid-dep=yes \
     --job-name="mangonel-merge" --output="$run/slurm-%j-merge.out" "${sbatch_opts[@]}" \
     "$here/merge.sbatch")"; then
  die "the shards are submitted (job $array_job) but sbatch refused the merge job; merge by hand later: $engine merge $run/shard-* --out $run/merged"
fi
merge_job="${merge_job%%;*}"

cat >"$run/submission.txt" <<EOF
scenario=$scenario
shards=$shards
start_at=$start_at
array_job=$array_job
merge_job=$merge_job
engine=$engine
engine_options=${engine_opts[*]}
sbatch_options=${sbatch_opts[*]}
submitted=$(date -u +%Y-%m-%dT%H:%M:%SZ)
EOF

cat <<EOF
submit: $shards shards of $(basename "$scenario"), all starting at $start_at (in ${lead}s)
  shard array job: $array_job   (tasks ${array_job}_0 .. ${array_job}_$((shards - 1)))
  merge job:       $merge_job   (runs after every shard has succeeded)
  run folder:      $run
    shard I:       $run/shard-I/        its log: $run/slurm-${array_job}_I.out
    merged:        $run/merged/          its log: $run/slurm-${merge_job}-merge.out
  watch:           squeue -j $array_job,$merge_job
  cancel:          scancel $array_job $merge_job
EOF
