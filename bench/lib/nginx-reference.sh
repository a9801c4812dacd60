# Shared by the HTTP benchmarks (sourced, not run): tools, free ports, and the fixed nginx backend
# (core 0) with the nginx reverse proxy that is the reference (core 1). Expects $work set; defines
# $pids and a cleanup trap that stops nginx and every pid added to $pids.

require_bench_tools() {
  for tool in nginx wrk taskset python3 curl; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      [ "$(id -u)" -eq 0 ] || { echo "missing $tool (apt-get install nginx-light wrk)" >&2; exit 2; }
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light wrk >/dev/null
    fi
  done
}

require_free_ports() { # port...
  for port in "$@"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "port $port is in use (a previous run still going?); stop that process first" >&2; exit 2
    fi
  done
}

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$work/backend.pid" ] && kill "$(cat "$work/backend.pid")" 2>/dev/null || true
  [ -f "$work/proxy.pid" ] && kill "$(cat "$work/proxy.pid")" 2>/dev/null || true
}

start_nginx_pair() { # backend_port proxy_port: backend serves /b200, /b16k and /health
  rm -rf "$work" && mkdir -p "$work/www" "$work/logs"
  trap cleanup EXIT
  head -c 150 /dev/urandom | base64 -w0 | head -c 200 > "$work/www/b200"
  head -c 12288 /dev/urandom | base64 -w0 | head -c 16384 > "$work/www/b16k"
  local common="worker_processes 1; error_log $work/logs/nginx-error.log warn; events { worker_connections 4096; }"
  cat > "$work/backend.conf" <<CONF
$common pid $work/backend.pid;
http { access_log off; sendfile on; keepalive_requests 1000000; default_type text/plain;
  server { listen 127.0.0.1:$1; root $work/www; location ~ /health$ { return 200 "ok"; } } }
CONF
  cat > "$work/proxy.conf" <<CONF
$common pid $work/proxy.pid;
http { access_log off; keepalive_requests 1000000;
  upstream backend { server 127.0.0.1:$1; keepalive 64; }
  server { listen 127.0.0.1:$2;
    location / { proxy_pass http://backend; proxy_http_version 1.1; proxy_set_header Connection ""; } } }
CONF
  taskset -c 0 nginx -c "$work/backend.conf" -p "$work"
  taskset -c 1 nginx -c "$work/proxy.conf" -p "$work"
}
