#!/usr/bin/env python3
"""Writes bench/results/requests.md from the raw rounds of run.sh."""
import datetime, os, statistics, subprocess, sys

raw, rounds, duration, warmup = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
rows = [line.rstrip("\n").split("\t") for line in open(raw) if line.strip()]
bare = [r for r in rows if r[1] == "siak-bare"]
gateway = [r for r in rows if r[1] == "gateway-submit"]
# The last run with the adapter compiled into the gateway (2026-12-04 14:36 UTC, commit 2576fa1, same machine and method).
IN_PROCESS = {"file": "bench/results/requests-2026-12-04-in-process.md", "requests_per_second": 210, "as_a_service": 182}


def sh(cmd):
    return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()


def med(rs, i):
    return statistics.median(float(r[i]) for r in rs)


e2e = med(gateway, 10)
ratio = e2e / med(bare, 2)
paired = [float(g[10]) / float(b[2]) for b, g in zip(bare, gateway)]
print("# Requests benchmark: service requests end to end, beside the bare legacy call\n")
print(f"- date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC")
memory = sh("free -h | awk '/Mem:/ {print $2}'")
print(f"- machine: {os.cpu_count()} cores, memory {memory}, {sh('uname -sr')}")
print(f"- tools: {sh('wrk -v 2>&1 | head -1')}, .NET {sh('dotnet --version')}")
print(f"- method: `bench/requests/run.sh` — the sample SIAK (its own process) and wrk on core 0, the gateway on core 1 (Release, SQLite, "
      f"in-memory bus, logging at Warning, status polling off). `wrk -t1 -c16 -d{duration}s --latency`; each side warmed {warmup} s; "
      f"{rounds} interleaved rounds. **Bare**: `POST /api/v1/permohonan` straight to SIAK (a new `no_referensi` each). **Gateway**: a signed-in "
      "citizen's `POST /api/requests` (session cookie, new `Idempotency-Key` each): form checked against the JSON Schema, tracking number, "
      "request + timeline + outbox event in one SQLite transaction; the outbox publishes `ServiceRequestSubmitted` on the in-memory bus; the "
      "consumer files it with the Disdukcapil adapter, which runs as its own process (`Adapters.Disdukcapil.Service`, Release, on core 0 "
      "beside SIAK): over HTTP with a signed gateway token and an `Idempotency-Key`; the adapter files in SIAK (Refit, the SDK's "
      "resilience handler) and answers with SIAK's case and status under its HMAC proof, which the gateway verifies before storing. "
      "The gateway's rate is the requests of the round that came back filed with SIAK's status, divided by the time from the "
      "round's first submit to its last filing (`filed.py` reads the SQLite file).\n")
print("| round | path | bare SIAK filings/s | gateway submits/s (API answers) | submit p50 ms | submit p99 ms | submitted | filed with status | end-to-end requests/s | gateway RSS MiB |")
print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for b, row in zip(bare, gateway):
    print(f"| {b[0]} | adapter as a service | {float(b[2]):,.0f} | {float(row[2]):,.0f} | {float(row[3]):.2f} | {float(row[4]):.2f} | {row[7]} | {row[8]} | "
          f"{float(row[10]):,.0f} | {float(row[6]) / 1024:.0f} |")
lost = sum(int(g[7]) - int(g[8]) for g in gateway)
print(f"\n- medians: bare SIAK {med(bare, 2):,.0f} filings/s; gateway {med(gateway, 2):,.0f} submits/s answered, "
      f"**{e2e:,.0f} requests/s end to end** (p50 {med(gateway, 3):.1f} ms, p99 {med(gateway, 4):.1f} ms for the submit)")
print(f"- end to end / bare legacy call: **{ratio:.2f}×** by medians (paired per round: {', '.join(f'{p:.2f}' for p in paired)})")
print(f"- for comparison (not this run): with the adapter compiled into the gateway, {IN_PROCESS['requests_per_second']} requests/s end "
      f"to end, and {IN_PROCESS['as_a_service']} through the adapter service in the same run ({IN_PROCESS['file']}); this run's "
      f"{e2e:,.0f} is {e2e / IN_PROCESS['requests_per_second']:.2f}× the in-process figure")
print(f"- requests submitted but not filed within 300 s after their round: {lost}")
bad = [r for r in rows if r[5] != "0"]
if bad:
    print(f"- non-2xx or socket errors in: {', '.join(r[1] + ' round ' + r[0] + ' (' + r[5] + ')' for r in bad)}")
print(f"\nratio: {ratio:.2f}")
