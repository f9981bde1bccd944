#!/usr/bin/env bash
# A real single-node Slurm cluster on this machine, for trying Mangonel's sharded runs (and Slurm
# itself) without a cluster: munged, slurmctld and slurmd, started directly (no systemd needed).
#
#   deploy/slurm/local-cluster.sh start    # start (or say it is already running); waits until ready
#   deploy/slurm/local-cluster.sh status   # daemons, sinfo, squeue
#   deploy/slurm/local-cluster.sh stop     # stop the daemons this script started
#
# Everything (config, munge key, state, spool, logs, pid files) lives in one folder,
# $MANGONEL_SLURM_DIR (default /tmp/mangonel-slurm), and the daemons listen on their own ports, so it
# never touches /etc/slurm, /etc/munge or a system-wide Slurm. Slurm's commands (sbatch, squeue,
# sinfo, scancel, ...) find this cluster through SLURM_CONF; `start` prints the export line.
#
# Settings (environment):
#   MANGONEL_SLURM_DIR            the folder (default /tmp/mangonel-slurm)
#   MANGONEL_SLURMCTLD_PORT       slurmctld's port (default 6917; a system Slurm uses 6817)
#   MANGONEL_SLURMD_PORT          slurmd's port (default 6918; a system Slurm uses 6818)
#   MANGONEL_SLURM_OVERSUBSCRIBE  jobs that ask for it (sbatch --oversubscribe) may share a CPU with
#                                 up to this many jobs (default 4); 1 disables sharing
#   MANGONEL_SLURM_TIMEOUT        seconds `start` waits for the node to become idle (default 60)
#
# Needs root (slurmd starts every job as the user who submitted it) and Debian's packages:
#   apt-get install slurm-wlm munge
set -euo pipefail

dir="${MANGONEL_SLURM_DIR:-/tmp/mangonel-slurm}"
case "$dir" in /*) ;; *) dir="$PWD/$dir" ;; esac
ctld_port="${MANGONEL_SLURMCTLD_PORT:-6917}"
slurmd_port="${MANGONEL_SLURMD_PORT:-6918}"
oversubscribe="${MANGONEL_SLURM_OVERSUBSCRIBE:-4}"
oversubscribe_setting=NO
munge_user=root
slurmd_started=""
timeout="${MANGONEL_SLURM_TIMEOUT:-60}"

command_line="$0 $*"
conf="$dir/etc/slurm.conf"
munge_dir="$dir/munge"
munge_socket="$munge_dir/munge.socket"
munge_key="$munge_dir/munge.key"
munge_pid="$munge_dir/munged.pid"
ctld_pid="$dir/run/slurmctld.pid"
slurmd_pid="$dir/run/slurmd.pid"

# Slurm's client commands, and the daemons, read the configuration named by SLURM_CONF.
export SLURM_CONF="$conf"

say() { echo "local-cluster: $*"; }
die() { echo "local-cluster: $*" >&2; exit 1; }

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
}

# ---------------------------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------------------------

# The programs this needs, with the Debian package that provides them.
require_tools() {
  local missing=() tool
  for tool in munged munge unmunge slurmctld slurmd sinfo squeue scontrol; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    die "not installed: ${missing[*]}. Install Slurm and MUNGE with:  apt-get install slurm-wlm munge"
  fi
}

require_root() {
  [ "$(id -u)" = 0 ] || die "must run as root (slurmd starts each job as the user who submitted it); try: sudo $command_line"
}

# The folder must be ours: under /tmp anyone could have created it first.
check_dir_owner() {
  if [ -e "$dir" ] && [ "$(stat -c %u "$dir")" != "$(id -u)" ]; then
    die "$dir exists but belongs to someone else; remove it or set MANGONEL_SLURM_DIR"
  fi
}

# A daemon is running if its pid file names a live process with the expected program name. The name
# check keeps a stale pid file from pointing at an unrelated process that reused the number.
running_pid() { # pidfile name -> prints the pid, or fails
  local pidfile="$1" name="$2" pid
  [ -s "$pidfile" ] || return 1
  pid="$(tr -dc '0-9' <"$pidfile")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$name" ] || return 1
  echo "$pid"
}

is_running() { running_pid "$1" "$2" >/dev/null; }

port_in_use() {
  command -v ss >/dev/null 2>&1 || return 1
  ss -Hltn "sport = :$1" 2>/dev/null | grep -q .
}

# ---------------------------------------------------------------------------------------------
# start
# ---------------------------------------------------------------------------------------------

# Folders: etc (slurm.conf), munge (key, socket, log; owned by the munge user), state (slurmctld's
# saved jobs and nodes), spool (slurmd's copies of batch scripts), log, run (pid files).
make_dirs() {
  mkdir -p "$dir"/{etc,state,spool,log,run} "$munge_dir"
  chmod 755 "$dir" "$dir/etc" "$dir/log" "$dir/run"
  chmod 700 "$dir/state" "$dir/spool"
  # munged refuses a socket folder that others cannot reach, and a key or log folder that others
  # can write to: 0755, owned by the user munged runs as.
  chown "$munge_user:" "$munge_dir" && chmod 755 "$munge_dir"
}

# MUNGE authenticates every message between Slurm's commands and daemons with a shared secret key.
# One machine, so one key of our own, made once (a real cluster copies one key to every node).
make_munge_key() {
  [ -s "$munge_key" ] && return 0
  say "creating a MUNGE key: $munge_key"
  if command -v mungekey >/dev/null 2>&1; then
    mungekey --create --keyfile="$munge_key"
  else # older munge packages have no mungekey
    dd if=/dev/urandom of="$munge_key" bs=1 count=1024 status=none
  fi
  chown "$munge_user:" "$munge_key"
  chmod 600 "$munge_key"
}

# munged, as the munge user, on a private socket (the system's is /run/munge/munge.socket.2).
# Slurm is told about the socket with AuthInfo=socket=... in slurm.conf.
start_munge() {
  if is_running "$munge_pid" munged; then
    say "munged already running (pid $(cat "$munge_pid"))"
    return 0
  fi
  local -a as_user=()
  [ "$munge_user" != root ] && as_user=(runuser -u "$munge_user" --)
  rm -f "$munge_socket" "$munge_socket.lock"
  if ! "${as_user[@]}" munged --socket="$munge_socket" --key-file="$munge_key" \
       --pid-file="$munge_pid" --log-file="$munge_dir/munged.log" --seed-file="$munge_dir/munged.seed"; then
    tail -n 5 "$munge_dir/munged.log" >&2 2>/dev/null || true
    die "munged did not start (log: $munge_dir/munged.log)"
  fi
  # Check it works: encode and decode an empty credential.
  if ! munge -n -S "$munge_socket" | unmunge -S "$munge_socket" >/dev/null; then
    die "munged started but does not answer on $munge_socket (log: $munge_dir/munged.log)"
  fi
  say "munged started (pid $(cat "$munge_pid"))"
}

# The smallest slurm.conf for one machine that is both controller and compute node.
write_conf() {
  local host node
  # SlurmctldHost must be this machine's short host name (slurmctld checks that it is itself).
  host="$(hostname -s)"
  # `slurmd -C` prints this machine's node line: NodeName, CPUs, sockets, cores, threads and
  # RealMemory (MB), exactly as slurmd will report them when it registers. A node declared bigger
  # than it is would be drained ("Low RealMemory"), so use it verbatim.
  node="$(slurmd -C | grep '^NodeName=')" || die "slurmd -C printed no node line"
  cat >"$conf.new" <<EOF
# Written by deploy/slurm/local-cluster.sh; rewritten on every start while Slurm is stopped.
ClusterName=mangonel-local
# The controller is this machine; 127.0.0.1 so no DNS is needed.
SlurmctldHost=$host(127.0.0.1)
# Our own ports, so a system-wide Slurm (6817/6818) can run alongside.
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
# slurmctld runs as root: simplest for a throwaway single-machine cluster (real clusters use a
# dedicated "slurm" user). slurmd always runs as root.
SlurmUser=root

# Authentication through our own munged.
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$munge_socket

# Everything under $dir.
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$ctld_pid
SlurmdPidFile=$slurmd_pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
# An empty SPANK plugin list, so /etc/slurm/plugstack.conf is not read either.
PlugStackConfig=$dir/etc/plugstack.conf

# Scheduling: each job gets CPUs (not whole nodes); memory is not a consumable resource, so
# jobs that do not ask for memory never queue behind one another for it.
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU

# Process tracking and task binding without cgroups: proctrack/linuxproc follows a job's processes
# through their parent process ids, task/none binds nothing. They work anywhere, including
# containers and machines without systemd, where proctrack/cgroup and task/cgroup often cannot
# create their cgroups. (The price: a process that daemonizes escapes Slurm's tracking, and jobs
# are not confined to their CPUs or memory.)
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
# No mail program here; jobs asking for --mail-type get none.
MailProg=/bin/true

# No accounting database (slurmdbd), so no sacct. Finished jobs stay visible to
# "squeue -t all" and "scontrol show job" for MinJobAge seconds, and each finished job gets a line
# (JobId, JobState, ExitCode, times) in the completion log.
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/filetxt
JobCompLoc=$dir/log/jobcomp.log
MinJobAge=600

# A node that went down (e.g. the machine rebooted) returns to service when its slurmd registers.
ReturnToService=2

# This machine, as slurmd -C sees it.
$node NodeAddr=127.0.0.1 State=UNKNOWN

# One partition, the default. OverSubscribe=YES:K lets jobs that ask for it (sbatch
# --oversubscribe) share each CPU with up to K jobs: how more shards than CPUs can run at the same
# time. Jobs that do not ask get whole CPUs. (MANGONEL_SLURM_OVERSUBSCRIBE=1 writes NO.)
PartitionName=local Nodes=ALL Default=YES MaxTime=INFINITE State=UP OverSubscribe=$oversubscribe_setting
EOF
  : >"$dir/etc/plugstack.conf"
  mv "$conf.new" "$conf"
  say "wrote $conf"
}

# A daemon forks into the background and writes its pid file; give it a few seconds.
wait_for_pid() { # pidfile name log
  for _ in $(seq 1 50); do
    is_running "$1" "$2" && return 0
    sleep 0.2
  done
  tail -n 20 "$3" >&2 2>/dev/null || true
  die "$2 did not start; its log: $3"
}

start_daemon() { # name pidfile port log
  local name="$1" pidfile="$2" port="$3" log="$4"
  if is_running "$pidfile" "$name"; then
    say "$name already running (pid $(cat "$pidfile"))"
    return 0
  fi
  if port_in_use "$port"; then
    die "port $port (for $name) is already in use; choose another one, e.g. MANGONEL_SLURMCTLD_PORT / MANGONEL_SLURMD_PORT"
  fi
  # Both daemons read the configuration named by SLURM_CONF, and fork into the background.
  if [ "$name" = slurmd ]; then slurmd_started="$(date +%s)"; fi
  "$name" -f "$conf"
  wait_for_pid "$pidfile" "$name" "$log"
  say "$name started (pid $(cat "$pidfile"))"
}

# Ready means the node reports idle (or, after a restart with jobs still around, mixed/allocated)
# and has registered from the slurmd just started: after a restart, slurmctld shows the node's
# saved state (often "idle") before slurmd has even said hello; SlurmdStartTime tells them apart.
registered() { # node
  [ -z "$slurmd_started" ] && return 0
  local since
  since="$(scontrol show node "$1" 2>/dev/null | sed -n 's/.*SlurmdStartTime=\([^ ]*\).*/\1/p')"
  [ -n "$since" ] && [ "$since" != None ] || return 1
  [ "$(date -d "$since" +%s 2>/dev/null || echo 0)" -ge "$slurmd_started" ]
}

wait_until_ready() { # start time in ns
  local t0="$1" node state deadline
  node="$(sed -n 's/^NodeName=\([^ ]*\).*/\1/p' "$conf")"
  deadline=$(( $(date +%s) + timeout ))
  while :; do
    state="$(sinfo -h -n "$node" -o %T 2>/dev/null | head -n 1 || true)"
    case "$state" in
      idle|mixed|allocated|completing) registered "$node" && break ;;
    esac
    if [ "$(date +%s)" -ge "$deadline" ]; then
      sinfo -R >&2 || true
      tail -n 20 "$dir/log/slurmctld.log" "$dir/log/slurmd.log" >&2 || true
      die "node $node is not ready after ${timeout}s (state: ${state:-no answer}); logs: $dir/log/"
    fi
    sleep 0.2
  done
  local ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  say "Slurm is up: node $node $state after $((ms / 1000)).$(printf %03d $((ms % 1000)))s"
}

print_env_hint() {
  echo
  echo "Point Slurm's commands at this cluster (in every shell that uses it):"
  echo "  export SLURM_CONF=$conf"
  echo "Then e.g.: sinfo; sbatch --wrap hostname; squeue. Logs: $dir/log/. Stop: $0 stop"
}

cmd_start() {
  require_tools
  require_root
  check_dir_owner
  if is_running "$munge_pid" munged && is_running "$ctld_pid" slurmctld && is_running "$slurmd_pid" slurmd; then
    say "already running (slurmctld pid $(cat "$ctld_pid"), slurmd pid $(cat "$slurmd_pid"), munged pid $(cat "$munge_pid"))"
    print_env_hint
    return 0
  fi
  local t0
  t0="$(date +%s%N)"
  munge_user=root
  id munge >/dev/null 2>&1 && munge_user=munge
  case "$oversubscribe" in
    ''|*[!0-9]*) die "MANGONEL_SLURM_OVERSUBSCRIBE must be a whole number, not '$oversubscribe'" ;;
  esac
  if [ "$oversubscribe" -gt 1 ]; then
    oversubscribe_setting="YES:$oversubscribe"
  else
    oversubscribe_setting="NO"
  fi
  make_dirs
  make_munge_key
  start_munge
  # Rewrite slurm.conf only while no Slurm daemon of ours is using it.
  if ! is_running "$ctld_pid" slurmctld && ! is_running "$slurmd_pid" slurmd; then
    write_conf
  fi
  # The controller first (it saves and restores jobs and nodes in $dir/state), then the node
  # daemon, which registers with it.
  start_daemon slurmctld "$ctld_pid" "$ctld_port" "$dir/log/slurmctld.log"
  start_daemon slurmd "$slurmd_pid" "$slurmd_port" "$dir/log/slurmd.log"
  wait_until_ready "$t0"
  print_env_hint
}

# ---------------------------------------------------------------------------------------------
# stop
# ---------------------------------------------------------------------------------------------

# TERM the process named by the pid file, wait for it to exit (KILL after 15 s), remove the pid file.
stop_daemon() { # pidfile name
  local pidfile="$1" name="$2" pid
  if ! pid="$(running_pid "$pidfile" "$name")"; then
    say "$name not running"
    rm -f "$pidfile"
    return 0
  fi
  kill -TERM "$pid"
  for _ in $(seq 1 75); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "$name (pid $pid) still running after 15 s: killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
  say "$name stopped (was pid $pid)"
}

cmd_stop() {
  require_root
  # Jobs still running keep their processes (slurmstepd and the job's own): say so rather than
  # kill them; slurmctld saved them and picks them up again on the next start.
  if is_running "$ctld_pid" slurmctld; then
    local jobs
    jobs="$(squeue -h -t running,pending -o %i 2>/dev/null | wc -l || true)"
    if [ "${jobs:-0}" -gt 0 ]; then
      say "note: $jobs job(s) still pending or running; they are left alone (slurmctld recovers them on the next start). Cancel them first with scancel if you want them gone."
    fi
  fi
  # The controller first, so it cannot hand a job to a node daemon that is already gone (the job
  # would then look "running" after the next start, with nothing running it); then the node
  # daemon; munged last, as both need it until they exit.
  stop_daemon "$ctld_pid" slurmctld
  stop_daemon "$slurmd_pid" slurmd
  stop_daemon "$munge_pid" munged
  say "stopped. State and logs stay in $dir (remove that folder to start from scratch)."
}

# ---------------------------------------------------------------------------------------------
# status
# ---------------------------------------------------------------------------------------------

cmd_status() {
  local name pidfile up=0 pid
  for name in munged slurmctld slurmd; do
    case "$name" in
      munged) pidfile="$munge_pid" ;;
      slurmctld) pidfile="$ctld_pid" ;;
      slurmd) pidfile="$slurmd_pid" ;;
    esac
    if pid="$(running_pid "$pidfile" "$name")"; then
      say "$name running (pid $pid)"
      up=$((up + 1))
    else
      say "$name not running"
    fi
  done
  # sinfo and squeue ask slurmctld, so they need it; exit status 3 when not everything runs.
  if is_running "$ctld_pid" slurmctld; then
    echo
    echo "export SLURM_CONF=$conf"
    echo
    sinfo
    echo
    squeue
  fi
  if [ "$up" -lt 3 ]; then
    say "not (fully) running; start it with: $0 start"
    exit 3
  fi
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  -h|--help|help) usage ;;
  *) usage >&2; exit 2 ;;
esac
