# bench/lib.sh — what the bench scripts share, sourced by them: one nginx worker on loopback,
# pinned to a CPU, serving a fixed 13-byte body; a process's CPU time from /proc.

# start_nginx DIR PORT CPU [CERT KEY]: writes DIR/nginx.conf (one worker, keep-alive for a million
# requests, "Hello, World!" at /, nginx's request count at /__status; HTTPS with CERT and KEY),
# starts nginx pinned to CPU with DIR as its prefix (pid in DIR/nginx.pid) and waits for it.
start_nginx() {
  local dir=$1 port=$2 cpu=$3 cert=${4:-} key=${5:-} listen="listen 127.0.0.1:$2" tls=""
  if [ -n "$cert" ]; then
    listen="$listen ssl"
    tls="ssl_certificate $cert; ssl_certificate_key $key;"
  fi
  cat > "$dir/nginx.conf" <<NGINX
worker_processes 1;
worker_rlimit_nofile 65536;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 20000; }
http {
  access_log off;
  keepalive_requests 1000000;
  keepalive_timeout 65;
  server {
    $listen backlog=4096;
    $tls
    location = / { default_type text/plain; return 200 "Hello, World!"; }
    location = /__status { stub_status; }
  }
}
NGINX
  taskset -c "$cpu" nginx -c "$dir/nginx.conf" -p "$dir" -g "daemon on;"
  sleep 0.5
}

# stop_nginx DIR: stops the nginx start_nginx started there, if any (for an EXIT trap).
stop_nginx() {
  [ -f "$1/nginx.pid" ] && kill -QUIT "$(cat "$1/nginx.pid")" 2>/dev/null || true
}

# proc_ticks PID: user + system clock ticks of the whole process (all its threads, live and
# exited), from /proc/PID/stat (the fields after the command name, which may hold spaces); fails
# (under pipefail) once the process is gone.
proc_ticks() {
  sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | awk '{ print $12 + $13 }'
}
