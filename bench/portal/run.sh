#!/usr/bin/env bash
# Portal benchmark (issue 14 item 8): the portal's home, search and service pages as the gateway renders them,
# beside nginx serving the very same HTML saved to a static file, in the same run, interleaved.
#   - the gateway (Release, output cache on: the pages are kept per language, catalogue generation and health
#     version) and nginx both on core 1, one after the other; wrk -t1 -c64 on core 0 (../../../shared/BENCHMARKING.md)
#   - the gateway warmed WARMUP s over the three pages first; then ROUNDS rounds of: each page on nginx, then on the gateway
# Writes bench/results/portal.md. Tunables: ROUNDS (3), DURATION (10 s), WARMUP (20 s), SERVICES (60).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$root/bench/.work/portal"
results="$root/bench/results/portal.md"
ROUNDS="${ROUNDS:-3}" DURATION="${DURATION:-10}" WARMUP="${WARMUP:-20}" SERVICES="${SERVICES:-60}"
GW=18290 NGINX=18291
KEY="bench-admin-key-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"

# shellcheck source=../lib/nginx-reference.sh
source "$here/../lib/nginx-reference.sh"
# shellcheck source=../lib/gateway.sh
source "$here/../lib/gateway.sh"
require_bench_tools
require_free_ports $GW $NGINX
rm -rf "$work" && mkdir -p "$work/logs" "$work/www/layanan"
trap cleanup EXIT

echo "publishing the gateway (Release)..." >&2
dotnet publish "$root/src/Gateway.Host" -c Release -o "$work/gateway" --nologo -v quiet >/dev/null
origins $GW
# shellcheck disable=SC2046
env $(gateway_env $GW "$work/data") Admin__Key="$KEY" taskset -c 1 dotnet "$work/gateway/Gateway.Host.dll" > "$work/logs/gateway.log" 2>&1 &
pids+=($!); gw_pid=$!
wait_ready $GW "$work/logs/gateway.log"
python3 "$here/seed.py" "$ADMIN" "$KEY" "$SERVICES"

# The pages as the gateway renders them, saved for nginx. The portal answers on its own host (127.0.0.2).
declare -A paths=([home]="/" [search]="/layanan?q=akte%20kelahran" [service]="/layanan/akta-kelahiran")
declare -A files=([home]="index.html" [search]="search.html" [service]="layanan/akta-kelahiran.html")
for page in home search service; do
  curl -sf "$PORTAL${paths[$page]}" -o "$work/www/${files[$page]}"
  grep -q "Akta Kelahiran\|kategori=kependudukan" "$work/www/${files[$page]}" || { echo "$page: the page does not show the seeded catalogue" >&2; exit 1; }
done
cat > "$work/nginx.conf" <<CONF
worker_processes 1; error_log $work/logs/nginx-error.log warn; pid $work/nginx.pid; events { worker_connections 4096; }
http { access_log off; sendfile on; keepalive_requests 1000000; default_type text/html; charset utf-8;
  server { listen 127.0.0.1:$NGINX; root $work/www;
    location = / { try_files /index.html =404; } location = /layanan { try_files /search.html =404; }
    location /layanan/ { try_files \$uri.html =404; } } }
CONF
taskset -c 1 nginx -c "$work/nginx.conf" -p "$work"
pids+=("$(cat "$work/nginx.pid")")

parse='function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
  /^ +99%/ { p99 = ms($2) } /^Requests\/sec/ { rps = $2 } /Non-2xx/ { bad = $NF }
  END { printf "%s %.3f %s\n", rps, p99, (bad == "" ? 0 : bad) }'
measure() { # url seconds -> "rps p99 non2xx"
  taskset -c 0 wrk -t1 -c64 -d"$2"s --latency "$1" | awk "$parse"
}

echo "warming the gateway for $WARMUP s..." >&2
for page in home search service; do measure "$PORTAL${paths[$page]}" $((WARMUP / 3 + 1)) >/dev/null; done

: > "$work/rounds.txt"
for round in $(seq 1 "$ROUNDS"); do
  for page in home search service; do
    nginx_url="http://127.0.0.1:$NGINX${paths[$page]}"
    echo "$round $page nginx $(measure "$nginx_url" "$DURATION")" >> "$work/rounds.txt"
    echo "$round $page gateway $(measure "$PORTAL${paths[$page]}" "$DURATION")" >> "$work/rounds.txt"
  done
done
rss=$(( $(ps -o rss= -p "$gw_pid") / 1024 ))

{
  echo "# Portal pages: the gateway beside nginx serving the same saved HTML"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(free -h | awk '/Mem:/ {print $2}') RAM. \`bench/portal/run.sh\` (ROUNDS=$ROUNDS, DURATION=$DURATION s, WARMUP=$WARMUP s, $SERVICES services)."
  echo "Gateway: Release, Development environment, logging at Warning, output cache on (as shipped); nginx 1 worker."
  echo "Both on core 1, one after the other; \`wrk -t1 -c64 -d${DURATION}s --latency\` on core 0. Page sizes (bytes, uncompressed):"
  for page in home search service; do echo "- $page \`${paths[$page]}\`: $(wc -c < "$work/www/${files[$page]}")"; done
  echo
  echo "| round | page | nginx req/s | nginx p99 ms | gateway req/s | gateway p99 ms | ratio |"
  echo "|---|---|---|---|---|---|---|"
  awk '{ key = $1 " " $2 } $3 == "nginx" { n[key] = $4; np[key] = $5 } $3 == "gateway" { g[key] = $4; gp[key] = $5; bad[key] = $6; order[++k] = key }
    END { for (i = 1; i <= k; i++) { key = order[i]; split(key, part, " ");
      printf "| %s | %s | %.0f | %.2f | %.0f | %.2f | %.2f%s |\n", part[1], part[2], n[key], np[key], g[key], gp[key], g[key] / n[key], (bad[key] != "0" ? " (non-2xx: " bad[key] ")" : "") } }' "$work/rounds.txt"
  echo
  echo "Medians over the rounds (gateway ÷ nginx):"
  for page in home search service; do
    awk -v page="$page" '$2 == page && $3 == "nginx" { n[++a] = $4 } $2 == page && $3 == "gateway" { g[++b] = $4 }
      function median(x, m,   i, j, t) { for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (x[j] < x[i]) { t = x[i]; x[i] = x[j]; x[j] = t }
        return m % 2 ? x[(m + 1) / 2] : (x[m / 2] + x[m / 2 + 1]) / 2 }
      END { printf "- %s: nginx %.0f req/s, gateway %.0f req/s, **%.2f×**\n", page, median(n, a), median(g, b), median(g, b) / median(n, a) }' "$work/rounds.txt"
  done
  echo
  echo "Gateway RSS after the runs: $rss MiB."
  echo
  awk '$2 == "service" && $3 == "nginx" { n[++a] = $4 } $2 == "service" && $3 == "gateway" { g[++b] = $4 }
    function median(x, m,   i, j, t) { for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (x[j] < x[i]) { t = x[i]; x[i] = x[j]; x[j] = t }
      return m % 2 ? x[(m + 1) / 2] : (x[m / 2] + x[m / 2 + 1]) / 2 }
    END { printf "ratio: %.2f (service page, target ≥ 0.20)\n", median(g, b) / median(n, a) }' "$work/rounds.txt"
} > "$results"
cat "$results"
