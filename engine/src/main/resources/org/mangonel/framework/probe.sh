# What the engine learns about a server host when it connects: a folder for this run, and the
# machine (written to results.json), as NAME=VALUE lines.
d=$(mktemp -d "${TMPDIR:-/tmp}/mangonel-run.XXXXXX") || exit 97
echo "dir=$d"
echo "hostname=$(uname -n)"
echo "kernel=$(uname -sr)"
echo "arch=$(uname -m)"
echo "os=$( . /etc/os-release 2>/dev/null; echo "${PRETTY_NAME:-$(uname -s)}")"
echo "cpu_model=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null)"
echo "cores=$(getconf _NPROCESSORS_ONLN 2>/dev/null)"
echo "memory_kb=$(awk '/^MemTotal:/ { print $2 }' /proc/meminfo 2>/dev/null)"
echo "clk_tck=$(getconf CLK_TCK 2>/dev/null)"
echo "page_size=$(getconf PAGESIZE 2>/dev/null)"
echo "port_range=$(cat /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null)"
echo "proc=$(test -r /proc/self/stat && echo yes)"
echo "setsid=$(command -v setsid)"
echo "taskset=$(command -v taskset)"
echo "rsync=$(command -v rsync)"
