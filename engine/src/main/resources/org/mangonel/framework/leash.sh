# Starts a server in its own session on this host and holds it on a leash: the engine's SSH
# session. Set before this by the engine: LOG, CWD, GRACE_MS, and the function server (the
# command line, with the framework's environment). Prints "pid N" once started, "exit N" when
# the server's first process ends, and "stopped N" once the session is empty.
#
# A line read from the engine says how to stop: "term MS" (SIGTERM, then SIGKILL after MS),
# "kill" (SIGKILL now). End of input without one, which is what the engine's SSH connection
# dropping looks like from here, stops it with GRACE_MS: nothing is left running when the engine
# is gone.
mkdir -p "$(dirname "$LOG")" || exit 97
cd "$CWD" || exit 97
exec 3<&0 </dev/null
server >>"$LOG" 2>&1 3<&- &
pid=$!
# Reported once it leads its own session (setsid is done), so that a stop, however early, finds
# the whole session.
while kill -0 "$pid" 2>/dev/null &&
  [ "$(awk '{ r = $0; sub(/^.*\) /, "", r); split(r, f, " "); print f[4] }' "/proc/$pid/stat" 2>/dev/null)" != "$pid" ]; do
  sleep 0.01
done
echo "pid $pid"
(
  if read -r how ms <&3; then
    [ "$how" = kill ] && ms=0
  else
    ms=$GRACE_MS
  fi
  stop_session "$pid" "${ms:-$GRACE_MS}"
) &
exec 3<&-
wait "$pid"
echo "exit $?"
wait
