#!/usr/bin/env bash
# Identity benchmark (issue 4): the proxy path with a citizen's token required, against nginx and
# against the gateway's own public route, interleaved in one run; and client-credentials tokens per
# second from the token endpoint on SQLite. Method as bench/proxy (../../../shared/BENCHMARKING.md):
#   - backend nginx (200-byte body) and wrk on core 0; nginx reverse proxy and the gateway on core 1
#   - wrk -t1 -c64, each target warmed >= 15 s, then ROUNDS rounds of nginx, public, citizen
#   - token endpoint: wrk -t1 -c16 with a POST script, ROUNDS rounds, with the gateway on core 1 and
#     again with the gateway and wrk free to use both cores (the machine)
# Writes bench/results/identity.md. Tunables: ROUNDS (3), DURATION (10 s), WARMUP (20 s).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$root/bench/.work/identity"
results="$root/bench/results/identity.md"
ROUNDS="${ROUNDS:-3}" DURATION="${DURATION:-10}" WARMUP="${WARMUP:-20}"
BACKEND=18090 NGINX=18091 GW=18092
KEY="bench-admin-key-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"

# shellcheck source=../lib/nginx-reference.sh
source "$here/../lib/nginx-reference.sh"
require_bench_tools
require_free_ports $BACKEND $NGINX $GW
start_nginx_pair $BACKEND $NGINX

echo "publishing the gateway (Release)..." >&2
dotnet publish "$root/src/Gateway.Host" -c Release -o "$work/gateway" --nologo -v quiet >/dev/null
env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$GW" Admin__Key="$KEY" \
    Storage__DataDirectory="$work/data" Demo__Enabled=false Identity__AllowHttp=true Identity__AccessTokenMinutes=240 \
    Logging__LogLevel__Default=Warning \
    taskset -c 1 dotnet "$work/gateway/Gateway.Host.dll" > "$work/logs/gateway.log" 2>&1 &
pids+=($!); gw_pid=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$GW/healthz/ready" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$GW/healthz/ready" >/dev/null || { echo "gateway did not start; see $work/logs/gateway.log" >&2; exit 1; }

python3 "$here/setup.py" "http://127.0.0.1:$GW" "$KEY" "http://127.0.0.1:$BACKEND/" > "$work/setup.json"
token=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["accessToken"])' "$work/setup.json")
export BENCH_CLIENT_SECRET
BENCH_CLIENT_SECRET=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["clientSecret"])' "$work/setup.json")
for slug in echo warga; do
  for _ in $(seq 1 60); do
    state=$(curl -s "http://127.0.0.1:$GW/api/catalogue/services/$slug" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("status",{}).get("state"))')
    [ "$state" = "up" ] && break; sleep 0.5
  done
done
# The citizen route really is protected: no token 401, the token 200.
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$GW/bench/warga/b200")" = "401" ] || { echo "citizen route not protected" >&2; exit 1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "http://127.0.0.1:$GW/bench/warga/b200")" = "200" ] || { echo "token refused" >&2; exit 1; }

declare -A url=([nginx]="http://127.0.0.1:$NGINX/b200" [gateway-public]="http://127.0.0.1:$GW/bench/echo/b200"
  [gateway-citizen]="http://127.0.0.1:$GW/bench/warga/b200")
declare -A pid_of=([nginx]="$(cat "$work/proxy.pid")" [gateway-public]=$gw_pid [gateway-citizen]=$gw_pid)
targets=(nginx gateway-public gateway-citizen)

parse='function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
  /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec/ { rps = $2 }
  /Non-2xx/ { bad = $NF } /Socket errors/ { bad = bad "+sock" }
  END { printf "%s %.3f %.3f %s\n", rps, p50, p99, (bad == "" ? 0 : bad) }'
run_wrk() { # target seconds
  if [ "$1" = gateway-citizen ]; then
    taskset -c 0 wrk -t1 -c64 -d"$2"s --latency -H "Authorization: Bearer $token" "${url[$1]}" | awk "$parse"
  else
    taskset -c 0 wrk -t1 -c64 -d"$2"s --latency "${url[$1]}" | awk "$parse"
  fi
}
run_tokens() { taskset -c 0 wrk -t1 -c16 -d"$1"s --latency -s "$here/token.lua" "http://127.0.0.1:$GW/connect/token" | awk "$parse"; }
# The same with the gateway (and wrk) free to use both cores: "tokens per second on this machine".
run_tokens_machine() {
  taskset -apc 0,1 "$gw_pid" >/dev/null
  wrk -t1 -c16 -d"$1"s --latency -s "$here/token.lua" "http://127.0.0.1:$GW/connect/token" | awk "$parse"
  taskset -apc 1 "$gw_pid" >/dev/null
}

echo "warming each target for ${WARMUP} s..." >&2
for t in "${targets[@]}"; do run_wrk "$t" "$WARMUP" >/dev/null; done
run_tokens "$WARMUP" >/dev/null

raw="$work/raw.tsv"; : > "$raw"
for round in $(seq 1 "$ROUNDS"); do
  for t in "${targets[@]}"; do
    read -r rps p50 p99 bad < <(run_wrk "$t" "$DURATION")
    rss=$(ps -o rss= -p "${pid_of[$t]}" | tr -d ' ')
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$t" "$rps" "$p50" "$p99" "$bad" "$rss" | tee -a "$raw" >&2
  done
  read -r rps p50 p99 bad < <(run_tokens "$DURATION")
  rss=$(ps -o rss= -p "$gw_pid" | tr -d ' ')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" tokens "$rps" "$p50" "$p99" "$bad" "$rss" | tee -a "$raw" >&2
  read -r rps p50 p99 bad < <(run_tokens_machine "$DURATION")
  rss=$(ps -o rss= -p "$gw_pid" | tr -d ' ')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" tokens-2-cores "$rps" "$p50" "$p99" "$bad" "$rss" | tee -a "$raw" >&2
done

python3 "$here/report.py" "$raw" "$ROUNDS" "$DURATION" "$WARMUP" > "$results"
echo "wrote $results" >&2
grep '^ratio' "$results" >&2
