#!/usr/bin/env bash
# Proxy benchmark: the SatuPintu gateway against nginx as a reverse proxy, on the same fixed backend,
# measured interleaved in the same run (method: ../../../shared/BENCHMARKING.md).
#   - backend: nginx serving 200-byte and 16 KiB bodies, pinned with the load generator to core 0
#   - reference: nginx reverse proxy with upstream keep-alive, pinned to core 1
#   - bare YARP (bare-yarp/: one route, nothing else), pinned to core 1: what YARP itself costs here
#   - gateway (Release, health checks on, logging at Warning), pinned to core 1, twice: with a
#     20-service catalogue and with a national-scale one (LARGE, 50,000: 500 agencies on their own apps,
#     loaded through the bulk import, whose timing is recorded)
#   - wrk -t1 -c64, each target warmed >= 60 s (see WARMUP), then rounds of A B C for each body size, each round starting one target further (`rotated`)
#   - optionally (BEFORE=<commit>) the gateway as it was at that commit, built from git, beside them:
#     what the changes since then cost on the same route in the same run
# Writes bench/results/proxy.md. Tunables: ROUNDS (12), DURATION (5 s), WARMUP (60 s), LARGE (50000), BEFORE.
# WARMUP was 15 s until 2026-12-04: a profile of the gateway under load after 23 s still showed YARP's and
# Kestrel's hot paths as tier-0 ("QuickJitted") or instrumented code and 8 % of its CPU in the JIT; after 60 s
# the JIT was at 2 % and the same load ran ~15 % faster. Bare YARP, with far less code, tiers up sooner.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$root/bench/.work/proxy"
results="$root/bench/results/proxy.md"
ROUNDS="${ROUNDS:-12}" DURATION="${DURATION:-5}" WARMUP="${WARMUP:-60}" LARGE="${LARGE:-50000}" BEFORE="${BEFORE:-}"
BACKEND=18080 NGINX=18081 GW_SMALL=18082 GW_LARGE=18083 GW_BEFORE=18084 YARP=18085
KEY="bench-admin-key-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"

# shellcheck source=../lib/nginx-reference.sh
source "$here/../lib/nginx-reference.sh"
# shellcheck source=../lib/gateway.sh
source "$here/../lib/gateway.sh"
require_bench_tools
require_free_ports $BACKEND $NGINX $GW_SMALL $GW_LARGE $YARP
start_nginx_pair $BACKEND $NGINX

# --- the gateway ------------------------------------------------------------------------------
echo "publishing the gateway (Release)..." >&2
dotnet publish "$root/src/Gateway.Host" -c Release -o "$work/gateway" --nologo -v quiet >/dev/null
dotnet publish "$here/bare-yarp" -c Release -o "$work/bare-yarp" --nologo -v quiet >/dev/null
taskset -c 1 dotnet "$work/bare-yarp/BareYarp.dll" "http://127.0.0.1:$YARP" "http://127.0.0.1:$BACKEND/" > "$work/logs/bare-yarp.log" 2>&1 &
pids+=($!); yarp_pid=${pids[-1]}
start_gateway() { # port name
  # shellcheck disable=SC2046
  env $(gateway_env "$1" "$work/data-$2") Admin__Key="$KEY" "Logging__LogLevel__Gateway.Catalogue.Snapshot.CatalogueState=Debug" \
      taskset -c 1 dotnet "$work/gateway/Gateway.Host.dll" > "$work/logs/gateway-$2.log" 2>&1 &
  pids+=($!)
  wait_ready "$1" "$work/logs/gateway-$2.log"
}
start_gateway $GW_SMALL small; small_pid=${pids[-1]}
start_gateway $GW_LARGE large; large_pid=${pids[-1]}
if [ -n "$BEFORE" ]; then
  # The gateway as it was at $BEFORE (one origin), in the same environment as the current one (Development:
  # the environment alone changes the cost of a request: developer exception page, DI scope validation).
  git -C "$root" worktree add -f "$work/before-src" "$BEFORE" -q
  dotnet publish "$work/before-src/src/Gateway.Host" -c Release -o "$work/before" --nologo -v quiet >/dev/null
  git -C "$root" worktree remove --force "$work/before-src"
  env ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$GW_BEFORE" Admin__Key="$KEY" \
      Storage__DataDirectory="$work/data-before" Demo__Enabled=false Identity__AllowHttp=true Logging__LogLevel__Default=Warning \
      taskset -c 1 dotnet "$work/before/Gateway.Host.dll" > "$work/logs/gateway-before.log" 2>&1 &
  pids+=($!); before_pid=${pids[-1]}
  wait_ready $GW_BEFORE "$work/logs/gateway-before.log"
  BENCH_NO_QUOTA=1 BENCH_IMPORT=0 python3 "$here/seed.py" "http://127.0.0.1:$GW_BEFORE" "$KEY" "http://127.0.0.1:$BACKEND/" 20
fi
# The measured route carries a quota it never reaches (issue 11: its cost is part of what is measured).
origins $GW_SMALL; python3 "$here/seed.py" "$ADMIN" "$KEY" "http://127.0.0.1:$BACKEND/" 20
origins $GW_LARGE; python3 "$here/seed.py" "$ADMIN" "$KEY" "http://127.0.0.1:$BACKEND/" "$LARGE" > "$work/import.txt"
for base in "http://127.0.0.2:$GW_SMALL" "http://127.0.0.2:$GW_LARGE" ${BEFORE:+"http://127.0.0.1:$GW_BEFORE"}; do
  for _ in $(seq 1 60); do
    state=$(curl -s "$base/api/catalogue/services/echo" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("status",{}).get("state"))')
    [ "$state" = "up" ] && break; sleep 0.5
  done
  [ "$state" = "up" ] || { echo "bench service not up on $base ($state)" >&2; exit 1; }
done

# Background cost (health probing, timers) of each gateway with no traffic, in % of one core over 20 s.
idle_cpu() { local t1 t2; t1=$(awk '{print $14+$15}' "/proc/$1/stat"); sleep 20; t2=$(awk '{print $14+$15}' "/proc/$1/stat")
  echo "scale=1; ($t2 - $t1) * 100 / $(getconf CLK_TCK) / 20" | bc; }
sleep 10
printf 'gateway-20\t%s\ngateway-%s\t%s\n' "$(idle_cpu $small_pid)" "$LARGE" "$(idle_cpu $large_pid)" > "$work/idle.tsv"
cat "$work/idle.tsv" >&2

declare -A url=(
  [nginx]="http://127.0.0.1:$NGINX"
  [yarp]="http://127.0.0.1:$YARP/bench/echo"
  [gateway-20]="http://127.0.0.1:$GW_SMALL/bench/echo"
  [gateway-20-no-quota]="http://127.0.0.1:$GW_SMALL/bench/plain"
  ["gateway-$LARGE"]="http://127.0.0.1:$GW_LARGE/bench/echo"
)
declare -A pid_of=([nginx]="$(cat "$work/proxy.pid")" [yarp]=$yarp_pid [gateway-20]=$small_pid [gateway-20-no-quota]=$small_pid ["gateway-$LARGE"]=$large_pid)
targets=(nginx yarp gateway-20 gateway-20-no-quota "gateway-$LARGE")
if [ -n "$BEFORE" ]; then
  url[gateway-before]="http://127.0.0.1:$GW_BEFORE/bench/echo"; pid_of[gateway-before]=$before_pid
  targets=(nginx yarp gateway-before gateway-20 gateway-20-no-quota "gateway-$LARGE")
fi

run_wrk() { # target body seconds -> "rps p50 p99 non2xx"
  taskset -c 0 wrk -t1 -c64 -d"$3"s --latency "${url[$1]}/$2" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec/ { rps = $2 }
    /Non-2xx/ { bad = $NF } /Socket errors/ { bad = bad "+sock" }
    END { printf "%s %.3f %.3f %s\n", rps, p50, p99, (bad == "" ? 0 : bad) }'
}

echo "warming each target for ${WARMUP} s..." >&2
for t in "${targets[@]}"; do run_wrk "$t" b200 "$WARMUP" >/dev/null; run_wrk "$t" b16k 5 >/dev/null; done

raw="$work/raw.tsv"; : > "$raw"
for round in $(seq 1 "$ROUNDS"); do
  for body in b200 b16k; do
    for t in $(rotated "$round" "${targets[@]}"); do
      ticks=$(cpu_ticks "${pid_of[$t]}")
      read -r rps p50 p99 bad < <(run_wrk "$t" "$body" "$DURATION")
      cpu=$(cpu_us_per_op "$ticks" "$(cpu_ticks "${pid_of[$t]}")" "$rps" "$DURATION")
      rss=$(ps -o rss= -p "${pid_of[$t]}" | tr -d ' ')
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$body" "$t" "$rps" "$p50" "$p99" "$bad" "$rss" "$cpu" | tee -a "$raw" >&2
    done
  done
done

echo "measuring route reloads..." >&2
python3 "$here/reload.py" "http://127.0.0.3:$GW_SMALL" "$KEY" "http://127.0.0.1:$BACKEND/" 5 "http://127.0.0.1:$GW_SMALL" > "$work/reload-small.txt"
python3 "$here/reload.py" "http://127.0.0.3:$GW_LARGE" "$KEY" "http://127.0.0.1:$BACKEND/" 5 "http://127.0.0.1:$GW_LARGE" > "$work/reload-large.txt"
grep -ho 'Catalogue reloaded: [0-9]* services, [0-9]* exposed in [0-9]* ms ([^)]*)' "$work/logs/gateway-large.log" | tail -5 > "$work/reload-large-server.txt" || true

python3 "$here/report.py" "$raw" "$work" "$LARGE" "$ROUNDS" "$DURATION" "$WARMUP" "$BEFORE" > "$results"
echo "wrote $results" >&2
grep '^ratio' "$results" >&2
