#!/usr/bin/env bash
# Audit benchmark (issue 13 item 10): what recording "whose identity went to which agency" costs on the proxy path.
# The same citizen route, forwarding the resident's identity WITH the NIK to the agency's app, on two gateways
# measured interleaved in one run:
#   - now:    this checkout, which counts every forwarded identity (ForwardedDataLedger) and writes the counts
#             to the audit trail every RecordFlushSeconds (set to 10 s here, so several writes fall inside the run)
#   - before: the gateway at $BEFORE (default f22d7e1, the last commit before the ledger), built from git
# Method as bench/proxy and bench/identity (../../../shared/BENCHMARKING.md): backend nginx (200-byte body) and wrk
# on core 0, the gateways on core 1 (one measured at a time), wrk -t1 -c64, each warmed WARMUP s, then ROUNDS
# rounds, each starting with the other gateway. Writes bench/results/audit.md.
# Tunables: ROUNDS (8), DURATION (8 s), WARMUP (60 s), BEFORE.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$root/bench/.work/audit"
results="$root/bench/results/audit.md"
ROUNDS="${ROUNDS:-8}" DURATION="${DURATION:-8}" WARMUP="${WARMUP:-60}" BEFORE="${BEFORE:-f22d7e1}"
BACKEND=18095 NGINX=18096 GW_NOW=18097 GW_BEFORE=18098
KEY="bench-admin-key-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"

# shellcheck source=../lib/nginx-reference.sh
source "$here/../lib/nginx-reference.sh"
# shellcheck source=../lib/gateway.sh
source "$here/../lib/gateway.sh"
require_bench_tools
require_free_ports $BACKEND $NGINX $GW_NOW $GW_BEFORE
start_nginx_pair $BACKEND $NGINX
rm -rf "$work/data-now" "$work/data-before"

echo "publishing the gateway now and at $BEFORE (Release)..." >&2
dotnet publish "$root/src/Gateway.Host" -c Release -o "$work/now" --nologo -v quiet >/dev/null
rm -rf "$work/before-src"
git -C "$root" worktree add -f "$work/before-src" "$BEFORE" -q
dotnet publish "$work/before-src/src/Gateway.Host" -c Release -o "$work/before" --nologo -v quiet >/dev/null
git -C "$root" worktree remove --force "$work/before-src"

start() { # name port -> pid in $started
  origins "$2"
  # shellcheck disable=SC2046
  env $(gateway_env "$2" "$work/data-$1") Admin__Key="$KEY" Identity__AccessTokenMinutes=240 \
      Identity__ForwardedIdentity__AgenciesSeeingNik__0=bench Identity__ForwardedIdentity__RecordFlushSeconds=10 \
      taskset -c 1 dotnet "$work/$1/Gateway.Host.dll" > "$work/logs/gateway-$1.log" 2>&1 &
  pids+=($!); started=$!
  wait_ready "$2" "$work/logs/gateway-$1.log"
  BENCH_SCOPE="openid profile nik" python3 "$root/bench/identity/setup.py" "$ADMIN" "$PORTAL" "$KEY" "http://127.0.0.1:$BACKEND/" > "$work/setup-$1.json"
  for _ in $(seq 1 60); do
    state=$(curl -s "$PORTAL/api/catalogue/services/warga" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("status",{}).get("state"))')
    [ "$state" = "up" ] && break; sleep 0.5
  done
}
token_of() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["accessToken"])' "$work/setup-$1.json"; }
start now $GW_NOW; now_pid=$started
start before $GW_BEFORE; before_pid=$started
declare -A url=([now]="http://127.0.0.1:$GW_NOW/bench/warga/b200" [before]="http://127.0.0.1:$GW_BEFORE/bench/warga/b200")
declare -A token=([now]="$(token_of now)" [before]="$(token_of before)")
declare -A pid_of=([now]=$now_pid [before]=$before_pid)

# The route really is protected on both (no token 401, the token 200). That the forwarded token carries the NIK is
# shown by the tests (ForwardedDataRecordTests) and, for this run, by the records checked at the end.
for t in now before; do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "${url[$t]}")" = "401" ] || { echo "$t: citizen route not protected" >&2; exit 1; }
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer ${token[$t]}" "${url[$t]}")" = "200" ] || { echo "$t: token refused" >&2; exit 1; }
done

parse='function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
  /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec/ { rps = $2 }
  /Non-2xx/ { bad = $NF } /Socket errors/ { bad = bad "+sock" }
  END { printf "%s %.3f %.3f %s\n", rps, p50, p99, (bad == "" ? 0 : bad) }'
run_wrk() { taskset -c 0 wrk -t1 -c64 -d"$2"s --latency -H "Authorization: Bearer ${token[$1]}" "${url[$1]}" | awk "$parse"; }

echo "warming each gateway for ${WARMUP} s..." >&2
for t in now before; do run_wrk "$t" "$WARMUP" >/dev/null; done

raw="$work/raw.tsv"; : > "$raw"
for round in $(seq 1 "$ROUNDS"); do
  for t in $(rotated "$round" now before); do
    ticks=$(cpu_ticks "${pid_of[$t]}")
    read -r rps p50 p99 bad < <(run_wrk "$t" "$DURATION")
    cpu=$(cpu_us_per_op "$ticks" "$(cpu_ticks "${pid_of[$t]}")" "$rps" "$DURATION")
    rss=$(ps -o rss= -p "${pid_of[$t]}" | tr -d ' ')
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$t" "$rps" "$p50" "$p99" "$bad" "$rss" "$cpu" | tee -a "$raw" >&2
  done
done

# The counts really reached the audit trail on the gateway that keeps them.
origins $GW_NOW
recorded=$(curl -s -H "X-Admin-Key: $KEY" "$ADMIN/api/admin/audit?action=proxy.identity.forwarded&pageSize=500" \
  | python3 -c 'import json,sys; items=json.load(sys.stdin)["items"]; print(sum(i["summary"]["requests"] for i in items), len(items), all("nik" in i["summary"]["claims"] for i in items))')
python3 "$here/report.py" "$raw" "$ROUNDS" "$DURATION" "$WARMUP" "$BEFORE" "$recorded" > "$results"
echo "wrote $results" >&2
grep '^ratio' "$results" >&2
