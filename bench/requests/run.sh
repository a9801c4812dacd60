#!/usr/bin/env bash
# Requests benchmark (issues 5, 12): service requests end to end — citizen's submit (API, form check,
# tracking number, SQLite, outbox) → in-memory bus → the Disdukcapil adapter service (its own process; HTTP,
# signed calls, proven answers) → Refit, SDK defaults → the sample SIAK → SIAK's case number and status
# stored — per second, beside the bare SIAK filing rate (the same POST straight to SIAK) measured in the
# same run, interleaved. (The gateway has no adapter compiled in any more; the last in-process figure is
# kept in bench/results/requests-2026-12-04-in-process.md.)
#   - SIAK, the adapter service and wrk on core 0, the gateway on core 1 (../../../shared/BENCHMARKING.md)
#   - wrk -t1 -c16; each side warmed; then ROUNDS rounds of: bare SIAK, gateway
#   - the gateway's round rate = requests of the round filed with SIAK's status / (last filed - first submitted),
#     read from its SQLite file after the round (filed.py)
# Writes bench/results/requests.md. Tunables: ROUNDS (3), DURATION (10 s), WARMUP (60 s: the write path keeps
# jitting new code for a while — at 20 s much of it still ran unoptimised, and rates were still rising).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$root/bench/.work/requests"
results="$root/bench/results/requests.md"
ROUNDS="${ROUNDS:-3}" DURATION="${DURATION:-10}" WARMUP="${WARMUP:-60}"
SIAK=18190 GW=18192 ADAPTER=18193
KEY="bench-admin-key-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export BENCH_SIAK_KEY="siak-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
ADAPTER_KEY="adapter-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"

# shellcheck source=../lib/nginx-reference.sh
source "$here/../lib/nginx-reference.sh"
# shellcheck source=../lib/gateway.sh
source "$here/../lib/gateway.sh"
require_bench_tools
require_free_ports $SIAK $GW $ADAPTER
rm -rf "$work" && mkdir -p "$work/logs"
trap cleanup EXIT

echo "publishing the gateway and the sample SIAK (Release)..." >&2
dotnet publish "$root/src/Gateway.Host" -c Release -o "$work/gateway" --nologo -v quiet >/dev/null
dotnet publish "$here/SiakHost" -c Release -o "$work/siak" --nologo -v quiet >/dev/null
dotnet publish "$root/adapters/Disdukcapil/Adapters.Disdukcapil.Service" -c Release -o "$work/adapter" --nologo -v quiet >/dev/null

taskset -c 0 dotnet "$work/siak/SiakHost.dll" $SIAK "$BENCH_SIAK_KEY" > "$work/logs/siak.log" 2>&1 &
pids+=($!); siak_pid=$!
origins $GW
# shellcheck disable=SC2046
env $(gateway_env $GW "$work/data") Admin__Key="$KEY" \
    Requests__AdapterServicePollSeconds=86400 \
    taskset -c 1 dotnet "$work/gateway/Gateway.Host.dll" > "$work/logs/gateway.log" 2>&1 &
pids+=($!); gw_pid=$!
wait_ready $GW "$work/logs/gateway.log"

# The Disdukcapil adapter as a service of its own, from its publish folder (its appsettings.json is read from
# the working directory, as in its image): reads the gateway's signing keys from the portal origin.
(cd "$work/adapter" && exec env ASPNETCORE_URLS="http://127.0.0.1:$ADAPTER" Logging__LogLevel__Default=Warning \
    AdapterService__Adapter=Disdukcapil AdapterService__AgencyCode=disdukcapil AdapterService__Key="$ADAPTER_KEY" \
    AdapterService__Gateway="$PORTAL/" AdapterService__AllowHttp=true \
    Adapters__Disdukcapil__BaseAddress="http://127.0.0.1:$SIAK/" Adapters__Disdukcapil__ApiKey="$BENCH_SIAK_KEY" \
    taskset -c 0 dotnet "$work/adapter/Adapters.Disdukcapil.Service.dll" > "$work/logs/adapter.log" 2>&1) &
pids+=($!) # exec: the pid is the adapter's own, so the exit trap stops it
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$ADAPTER/health" >/dev/null && break; sleep 0.5; done

export BENCH_COOKIE
BENCH_COOKIE=$(python3 "$here/setup.py" "$ADMIN" "$PORTAL" "$KEY" "http://127.0.0.1:$ADAPTER/" "$ADAPTER_KEY" | python3 -c 'import json,sys; print(json.load(sys.stdin)["cookie"])')
for service in akta-kelahiran; do
  for _ in $(seq 1 60); do
    curl -sf "$PORTAL/api/catalogue/services/$service" | grep -q requestForm && break; sleep 0.5
  done
  # One request by hand: it must come back filed, or the numbers below mean nothing.
  probe=$(curl -s -H "Cookie: $BENCH_COOKIE" -H 'Content-Type: application/json' -H "Idempotency-Key: probe-$service-$$" \
    -d '{"service":"'"$service"'","fields":{"nama_anak":"Probe","tanggal_lahir":"2026-11-02","nik_ibu":"3273015708900001"}}' \
    "$PORTAL/api/requests")
  tracking=$(echo "$probe" | python3 -c 'import json,sys; print(json.load(sys.stdin)["trackingNumber"])') || { echo "submit failed: $probe" >&2; exit 1; }
  for _ in $(seq 1 40); do
    curl -s -H "Cookie: $BENCH_COOKIE" "$PORTAL/api/requests/$tracking" | grep -q agencyReference && break; sleep 0.25
  done
  curl -s -H "Cookie: $BENCH_COOKIE" "$PORTAL/api/requests/$tracking" | grep -q agencyReference \
    || { echo "probe request for $service was not filed in SIAK: $(curl -s -H "Cookie: $BENCH_COOKIE" "$PORTAL/api/requests/$tracking")" >&2; exit 1; }
done

parse='function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
  /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec/ { rps = $2 }
  /Non-2xx/ { bad = $NF } /Socket errors/ { bad = bad "+sock" }
  END { printf "%s %.3f %.3f %s\n", rps, p50, p99, (bad == "" ? 0 : bad) }'
run_siak() { taskset -c 0 wrk -t1 -c16 -d"$1"s --latency -s "$here/siak.lua" "http://127.0.0.1:$SIAK/api/v1/permohonan" | awk "$parse"; }
run_gateway() { # seconds [service]
  BENCH_SERVICE="${2:-akta-kelahiran}" taskset -c 0 wrk -t1 -c16 -d"$1"s --latency -s "$here/submit.lua" "$PORTAL/api/requests" | awk "$parse"; }
db="$work/data/satupintu.db"

echo "warming each side for ${WARMUP} s..." >&2
run_siak "$WARMUP" >/dev/null
since=$(date -u +"%Y-%m-%d %H:%M:%S")
run_gateway "$WARMUP" >/dev/null
python3 "$here/filed.py" "$db" "$since" 300 >/dev/null

raw="$work/raw.tsv"; : > "$raw"
for round in $(seq 1 "$ROUNDS"); do
  read -r rps p50 p99 bad < <(run_siak "$DURATION")
  rss=$(ps -o rss= -p "$siak_pid" | tr -d ' ')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" siak-bare "$rps" "$p50" "$p99" "$bad" "$rss" | tee -a "$raw" >&2
  sleep 1
  since=$(date -u +"%Y-%m-%d %H:%M:%S.%6N")
  read -r rps p50 p99 bad < <(run_gateway "$DURATION")
  rss=$(ps -o rss= -p "$gw_pid" | tr -d ' ')
  read -r submitted filed _ _ _ _ seconds rate < <(python3 "$here/filed.py" "$db" "$since" 300)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" gateway-submit "$rps" "$p50" "$p99" "$bad" "$rss" "$submitted" "$filed" "$seconds" "$rate" | tee -a "$raw" >&2
  sleep 1
done

python3 "$here/report.py" "$raw" "$ROUNDS" "$DURATION" "$WARMUP" > "$results"
echo "wrote $results" >&2
grep '^ratio' "$results" >&2
