# Answers the engine's sampler over one SSH session: for each line read, "all" (every process)
# or a list such as "123/stat 456/stat" (the processes it already knows), prints "PID TICKS
# RSS_PAGES" for each of them in session SESSION (set by the engine), then ".".
# TICKS is user + system time, children included.
while read -r what; do
  case $what in
    all) (cd /proc && cat [0-9]*/stat 2>/dev/null) ;;
    *) (cd /proc && cat $what 2>/dev/null) ;;
  esac | awk -v s="$SESSION" '{ r = $0; sub(/^.*\) /, "", r); split(r, f, " "); if (f[4] == s) print $1, f[12] + f[13] + f[14] + f[15], f[22] }'
  echo .
done
