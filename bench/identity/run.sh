#!/usr/bin/env bash
# Identity benchmark (issues 4 and 11): the proxy path with a citizen's token required, against nginx and
# against the gateway's own public route, interleaved in one run; client-credentials tokens per second
# from the token endpoint on SQLite; and password sign-ins through the real sign-in page beside the bare
# password-hash check at the same settings. Method as bench/proxy (../../../shared/BENCHMARKING.md):
#   - backend nginx (200-byte body) and wrk on core 0; nginx reverse proxy and the gateway on core 1
#   - wrk -t1 -c64, each target warmed >= 15 s, then ROUNDS rounds of nginx, public, citizen, each round starting one target further
#   - token endpoint: wrk -t1 -c16 with a POST script, ROUNDS rounds, with the gateway on core 1 and
#     again with the gateway and wrk free to use both cores (the machine)
#   - sign-in: wrk -t1 -c4 posting the sign-in form (gateway on core 1), and HashBench (ASP.NET Core
#     Identity's hasher, same iterations) on core 1 just before and just after it (averaged), ROUNDS rounds
# Writes bench/results/identity.md. Tunables: ROUNDS (6), DURATION (8 s), WARMUP (20 s).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$root/bench/.work/identity"
results="$root/bench/results/identity.md"
ROUNDS="${ROUNDS:-6}" DURATION="${DURATION:-8}" WARMUP="${WARMUP:-20}"
BACKEND=18090 NGINX=18091 GW=18092
KEY="bench-admin-key-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"

# shellcheck source=../lib/nginx-reference.sh
source "$here/../lib/nginx-reference.sh"
# shellcheck source=../lib/gateway.sh
source "$here/../lib/gateway.sh"
ITERATIONS="${ITERATIONS:-210000}"
require_bench_tools
require_free_ports $BACKEND $NGINX $GW
start_nginx_pair $BACKEND $NGINX

echo "publishing the gateway (Release)..." >&2
dotnet publish "$root/src/Gateway.Host" -c Release -o "$work/gateway" --nologo -v quiet >/dev/null
dotnet publish "$here/HashBench" -c Release -o "$work/hashbench" --nologo -v quiet >/dev/null
origins $GW
# shellcheck disable=SC2046
env $(gateway_env $GW "$work/data") Admin__Key="$KEY" Identity__AccessTokenMinutes=240 Identity__Passwords__HashIterations="$ITERATIONS" \
    taskset -c 1 dotnet "$work/gateway/Gateway.Host.dll" > "$work/logs/gateway.log" 2>&1 &
pids+=($!); gw_pid=$!
wait_ready $GW "$work/logs/gateway.log"

python3 "$here/setup.py" "$ADMIN" "$PORTAL" "$KEY" "http://127.0.0.1:$BACKEND/" > "$work/setup.json"
setting() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$work/setup.json" "$1"; }
token=$(setting accessToken)
export BENCH_CLIENT_SECRET BENCH_SIGNIN_COOKIE BENCH_SIGNIN_BODY
BENCH_CLIENT_SECRET=$(setting clientSecret); BENCH_SIGNIN_COOKIE=$(setting signinCookie); BENCH_SIGNIN_BODY=$(setting signinBody)
for slug in echo warga; do
  for _ in $(seq 1 60); do
    state=$(curl -s "$PORTAL/api/catalogue/services/$slug" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("status",{}).get("state"))')
    [ "$state" = "up" ] && break; sleep 0.5
  done
done
# The citizen route really is protected: no token 401, the token 200; the sign-in form really signs in.
[ "$(curl -s -o /dev/null -w '%{http_code}' "$APPS/bench/warga/b200")" = "401" ] || { echo "citizen route not protected" >&2; exit 1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$APPS/bench/warga/b200")" = "200" ] || { echo "token refused" >&2; exit 1; }
signin_answer=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -H "Cookie: $BENCH_SIGNIN_COOKIE" \
  -H 'Content-Type: application/x-www-form-urlencoded' --data "$BENCH_SIGNIN_BODY" "$PORTAL/akun/masuk")
[[ "$signin_answer" == "302 "*"/akun" ]] || { echo "the sign-in post did not sign in: $signin_answer" >&2; exit 1; }

declare -A url=([nginx]="http://127.0.0.1:$NGINX/b200" [gateway-public]="$APPS/bench/echo/b200"
  [gateway-citizen]="$APPS/bench/warga/b200")
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
run_tokens() { taskset -c 0 wrk -t1 -c16 -d"$1"s --latency -s "$here/token.lua" "$PORTAL/connect/token" | awk "$parse"; }
# Password sign-ins through the page (the gateway on core 1), and the bare hash check on the same core.
run_signins() { taskset -c 0 wrk -t1 -c4 -d"$1"s --latency -s "$here/signin.lua" "$PORTAL/akun/masuk" | awk "$parse"; }
run_hashes() { # seconds -> checks/s, with the (idle) gateway still on core 1 as during the sign-ins
  taskset -c 1 dotnet "$work/hashbench/HashBench.dll" "$ITERATIONS" "$1" | awk '/checks\/s/ { rate = $2 } /cpu-us-per-check/ { cpu = $2 } END { print rate, cpu }'; }
# The same with the gateway (and wrk) free to use both cores: "tokens per second on this machine".
run_tokens_machine() {
  taskset -apc 0,1 "$gw_pid" >/dev/null
  wrk -t1 -c16 -d"$1"s --latency -s "$here/token.lua" "$PORTAL/connect/token" | awk "$parse"
  taskset -apc 1 "$gw_pid" >/dev/null
}

echo "warming each target for ${WARMUP} s..." >&2
for t in "${targets[@]}"; do run_wrk "$t" "$WARMUP" >/dev/null; done
run_tokens "$WARMUP" >/dev/null
run_signins "$WARMUP" >/dev/null

raw="$work/raw.tsv"; : > "$raw"
for round in $(seq 1 "$ROUNDS"); do
  for t in $(rotated "$round" "${targets[@]}"); do
    ticks=$(cpu_ticks "${pid_of[$t]}")
    read -r rps p50 p99 bad < <(run_wrk "$t" "$DURATION")
    cpu=$(cpu_us_per_op "$ticks" "$(cpu_ticks "${pid_of[$t]}")" "$rps" "$DURATION")
    rss=$(ps -o rss= -p "${pid_of[$t]}" | tr -d ' ')
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$t" "$rps" "$p50" "$p99" "$bad" "$rss" "$cpu" | tee -a "$raw" >&2
  done
  read -r rps p50 p99 bad < <(run_tokens "$DURATION")
  rss=$(ps -o rss= -p "$gw_pid" | tr -d ' ')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t0\n' "$round" tokens "$rps" "$p50" "$p99" "$bad" "$rss" | tee -a "$raw" >&2
  read -r rps p50 p99 bad < <(run_tokens_machine "$DURATION")
  rss=$(ps -o rss= -p "$gw_pid" | tr -d ' ')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t0\n' "$round" tokens-2-cores "$rps" "$p50" "$p99" "$bad" "$rss" | tee -a "$raw" >&2
  # The hash is measured just before and just after the sign-ins, and averaged: the machine's speed drifts
  # by 10-20 % over minutes here, and a sandwich cancels a steady drift.
  read -r hashes_before hash_cpu_before < <(run_hashes "$DURATION")
  ticks=$(cpu_ticks "$gw_pid")
  read -r rps p50 p99 bad < <(run_signins "$DURATION")
  cpu=$(cpu_us_per_op "$ticks" "$(cpu_ticks "$gw_pid")" "$rps" "$DURATION")
  rss=$(ps -o rss= -p "$gw_pid" | tr -d ' ')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" signins "$rps" "$p50" "$p99" "$bad" "$rss" "$cpu" | tee -a "$raw" >&2
  read -r hashes_after hash_cpu_after < <(run_hashes "$DURATION")
  read -r hashes hash_cpu < <(python3 -c 'import sys; a, b, c, d = map(float, sys.argv[1:]); print(f"{(a + b) / 2:.2f} {(c + d) / 2:.1f}")' \
    "$hashes_before" "$hashes_after" "$hash_cpu_before" "$hash_cpu_after")
  printf '%s\t%s\t%s\t0\t0\t0\t0\t%s\n' "$round" hashes "$hashes" "$hash_cpu" | tee -a "$raw" >&2
done

python3 "$here/report.py" "$raw" "$ROUNDS" "$DURATION" "$WARMUP" "$ITERATIONS" > "$results"
echo "wrote $results" >&2
grep '^ratio' "$results" >&2
