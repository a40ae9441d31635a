#!/usr/bin/env bash
#===- bench/http/run.sh - examples/http-server against nginx under wrk ------===#
# Serves the same static page (examples/http-server/pages/index.html at /) from the IR server and
# from nginx (one worker, access_log off, keep-alive without a request cap), loads each with wrk on
# loopback in the same run, and prints req/s, their ratio and peak RSS (VmHWM) of each. Then
# 100,000 sequential requests against the IR server, reporting VmRSS before and after.
#
# usage: bench/http/run.sh HTTP_SERVER [DURATION_S] [CONNECTIONS] [THREADS]
set -euo pipefail

server=${1:?usage: run.sh HTTP_SERVER [DURATION_S] [CONNECTIONS] [THREADS]}
duration=${2:-10}
connections=${3:-50}
threads=${4:-2}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
page=$root/examples/http-server/pages/index.html

for tool in wrk nginx python3; do
  command -v "$tool" >/dev/null || { echo "bench/http: $tool not found (scripts/setup.sh installs it)" >&2; exit 1; }
done

work=$(mktemp -d)
chmod 755 "$work"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() {
  for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.05
  done
  echo "bench/http: nothing listens on port $1" >&2
  exit 1
}
kb() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status"; }
reqs() { awk '/^Requests\/sec:/ { print $2 }'; }

# --- the IR server
port_ir=$(free_port)
"$server" "$port_ir" >/dev/null &
ir_pid=$!
pids+=("$ir_pid")
wait_port "$port_ir"
curl -sf "http://127.0.0.1:$port_ir/" | cmp -s - "$page" || { echo "bench/http: / is not index.html" >&2; exit 1; }

# --- nginx, the same page at /
port_ng=$(free_port)
mkdir -p "$work/www" "$work/tmp"
cp "$page" "$work/www/index.html"
chmod -R a+rX "$work/www"
cat > "$work/nginx.conf" <<CONF
worker_processes 1;
daemon off;
master_process on;
pid $work/nginx.pid;
error_log $work/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000000;
  client_body_temp_path $work/tmp;
  proxy_temp_path $work/tmp;
  fastcgi_temp_path $work/tmp;
  uwsgi_temp_path $work/tmp;
  scgi_temp_path $work/tmp;
  default_type text/html;
  server {
    listen 127.0.0.1:$port_ng;
    root $work/www;
    index index.html;
  }
}
CONF
nginx -c "$work/nginx.conf" -p "$work" &
ng_pid=$!
pids+=("$ng_pid")
wait_port "$port_ng"
curl -sf "http://127.0.0.1:$port_ng/" | cmp -s - "$page" || { echo "bench/http: nginx / is not index.html" >&2; exit 1; }
ng_worker=$(pgrep -P "$ng_pid" | head -1)

echo "wrk -t$threads -c$connections -d${duration}s, same page ($(wc -c < "$page") bytes), loopback"
ir_rps=$(wrk -t"$threads" -c"$connections" -d"${duration}s" "http://127.0.0.1:$port_ir/" | reqs)
ng_rps=$(wrk -t"$threads" -c"$connections" -d"${duration}s" "http://127.0.0.1:$port_ng/" | reqs)
ir_hwm=$(kb "$ir_pid" VmHWM)
ng_hwm=$(( $(kb "$ng_pid" VmHWM) + $(kb "$ng_worker" VmHWM) ))
ng_worker_hwm=$(kb "$ng_worker" VmHWM)

printf '%-14s %12s %16s\n' server req/s "peak RSS (kB)"
printf '%-14s %12s %16s\n' http-server "$ir_rps" "$ir_hwm"
printf '%-14s %12s %16s\n' nginx "$ng_rps" "$ng_hwm (worker $ng_worker_hwm)"
python3 - "$ir_rps" "$ng_rps" "$ir_hwm" "$ng_hwm" <<'PY'
import sys
ir, ng, irm, ngm = map(float, sys.argv[1:])
print("ratio req/s http-server/nginx: %.2fx   peak RSS http-server/nginx: %.3f" % (ir / ng, irm / ngm))
PY

kill "$ng_pid" 2>/dev/null || true
echo "100,000 sequential requests against http-server:"
python3 "$root/test/lit/http/Inputs/http_check.py" rss "$server" --requests 100000
