#!/usr/bin/env bash
# bench/suite.sh — the whole client benchmark in one command: Mangonel side by side with wrk (and
# h2load, siege where installed) at 50 and 1,000 keep-alive connections (bench/clients.sh), and
# Mangonel's chat client side by side with two independent clients, mgchat (C) and nodechat
# (Node.js, where node is installed) (bench/chat/chat.sh).
# Writes bench/RESULTS.md (date, machine, versions, the commands, every table) and regenerates the
# README's performance tables from it (between the "bench:begin" and "bench:end" markers).
#
#   bench/suite.sh                   # ~18 min: 3 repeats of everything
#   REPEAT=1 bench/suite.sh          # a quick pass (~6 min)
#   NO_README=1 bench/suite.sh       # write bench/RESULTS.md only
#
# Run it on an otherwise idle machine: absolute figures drift 10-35% between runs on a shared VM,
# which is why every table sets the tools side by side in the same run, as ratios.
# Needs what the two scripts need: nginx, wrk, taskset, /usr/bin/time, curl, cc, ss, python3.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPEAT=${REPEAT:-3}
CONN_LEVELS=${CONN_LEVELS:-"50 1000"}
TOOLS=${TOOLS:-"mangonel wrk h2load siege"}
out="$home/bench/RESULTS.md"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$home/bin/engine" --version >/dev/null   # builds the jar when needed

version_of() { # TOOL -> one line
  case $1 in
    nginx) nginx -v 2>&1 | sed 's/^nginx version: //' ;;
    wrk) dpkg-query -W -f '${Version}' wrk 2>/dev/null || echo "?" ;;
    h2load) h2load --version 2>/dev/null | head -1 ;;
    siege) siege --version 2>&1 | head -1 ;;
    java) java -version 2>&1 | head -1 ;;
  esac
}

started=$(date -u +"%Y-%m-%d %H:%M UTC")
for c in $CONN_LEVELS; do
  echo "# clients, $c connections" >&2
  tools=$TOOLS
  # siege runs a thread per connection: at 1,000 it measures its own threads (and leaves the
  # machine's load at 40 for the next tool), so it runs at the lower levels only
  [ "$c" -gt 255 ] && tools=${tools//siege/}
  CONNS=$c REPEAT=$REPEAT TOOLS="$tools" "$home/bench/clients.sh" > "$tmp/clients-$c.md"
done
echo "# chat clients" >&2
REPEAT=$REPEAT "$home/bench/chat/chat.sh" > "$tmp/chat.md"

{
  echo "# Client benchmark results"
  echo
  echo "Written by \`bench/suite.sh\` (REPEAT=$REPEAT), started $started, commit $(git -C "$home" rev-parse --short HEAD 2>/dev/null || echo '?')."
  echo
  echo "- Machine: $(uname -sr), $(nproc) CPUs ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)),"
  echo "  $(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM, load average before the run $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "- Versions: $(version_of java);$(command -v node >/dev/null && echo " node $(node --version);") nginx $(version_of nginx); wrk $(version_of wrk)$(command -v h2load >/dev/null && echo "; $(version_of h2load)")$(command -v siege >/dev/null && echo "; $(version_of siege)")."
  echo "- Method: the server (nginx with one worker, or \`engine serve chat\`) pinned to CPU 0, each client in"
  echo "  turn pinned to CPU 1; CPU per request or delivery is the client process's user + system time"
  echo "  (JVM start-up and JIT included) over every request it sent; the steady column is the same"
  echo "  client's CPU over the middle of its window per request nginx served meanwhile (start-up and"
  echo "  compilation paid); medians of $REPEAT; a ratio to wrk is the median of each repeat's own ratio"
  echo "  (the tools of a repeat run back to back)."
  echo "- Commands: \`CONNS=N REPEAT=$REPEAT bench/clients.sh\` for N in $CONN_LEVELS; \`REPEAT=$REPEAT bench/chat/chat.sh\`."
  for c in $CONN_LEVELS; do
    echo
    echo "## HTTP/1.1, $c connections"
    echo
    sed '/./,$!d' "$tmp/clients-$c.md"
  done
  echo
  echo "## Chat (line protocol), Mangonel against mgchat (C) and nodechat (Node.js)"
  echo
  sed '/./,$!d' "$tmp/chat.md"
} > "$out"
echo "# wrote $out" >&2

if [ -z "${NO_README:-}" ]; then
  python3 - "$home/README.md" "$out" <<'PY'
import sys
readme, results = sys.argv[1], sys.argv[2]
text = open(readme, encoding="utf-8").read()
begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
if begin not in text or end not in text:
    sys.exit("bench/suite.sh: README.md has no bench:begin/bench:end markers; bench/RESULTS.md is written")
body = open(results, encoding="utf-8").read().split("\n", 2)[2].replace("\n## ", "\n### ")
head, rest = text.split(begin, 1)
tail = rest.split(end, 1)[1]
open(readme, "w", encoding="utf-8").write(head + begin + "\n" + body.strip() + "\n" + end + tail)
PY
  echo "# regenerated README.md's performance tables" >&2
fi
