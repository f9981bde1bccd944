# Functions every script the engine runs on a server host over SSH starts with (POSIX sh: dash,
# bash, busybox). Kept small: it is sent with each script.

# members SESSION: the ids of the live processes (zombies left out) of a session, on one line.
members() {
  (cd /proc && cat [0-9]*/stat 2>/dev/null) |
    awk -v s="$1" '{ r = $0; sub(/^.*\) /, "", r); split(r, f, " "); if (f[4] == s && f[1] != "Z") printf "%s ", $1 }'
}

# stop_session SESSION GRACE_MS: SIGTERM to the process group and to every process of the
# session, up to GRACE_MS for them to end, then SIGKILL to all that are left. Prints
# "stopped N", N being how many had to be killed.
stop_session() {
  kill -s TERM -- "-$1" 2>/dev/null
  left=$(members "$1")
  [ -n "$left" ] && kill -s TERM $left 2>/dev/null
  n=$(( ($2 + 49) / 50 ))
  while [ "$n" -gt 0 ] && [ -n "$(members "$1")" ]; do
    sleep 0.05
    n=$((n - 1))
  done
  left=$(members "$1")
  if [ -n "$left" ]; then
    kill -s KILL -- "-$1" 2>/dev/null
    kill -s KILL $left 2>/dev/null
  fi
  set -- $left
  echo "stopped $#"
}
