#!/usr/bin/env python3
"""Writes bench/results/identity.md from the raw rounds of run.sh."""
import datetime, os, statistics, subprocess, sys

raw, rounds, duration, warmup = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
rows = [line.rstrip("\n").split("\t") for line in open(raw) if line.strip()]
by = {}
for r in rows:
    by.setdefault(r[1], []).append(r)


def med(target, i):
    return statistics.median(float(r[i]) for r in by[target])


def sh(cmd):
    return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()


paired = [float(c[2]) / float(n[2]) for n, c in zip(by["nginx"], by["gateway-citizen"])]
paired_public = [float(c[2]) / float(p[2]) for p, c in zip(by["gateway-public"], by["gateway-citizen"])]
ratio = med("gateway-citizen", 2) / med("nginx", 2)
print("# Identity benchmark: the proxy path with a citizen token, and the token endpoint\n")
print(f"- date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC")
memory = sh("free -h | awk '/Mem:/ {print $2}'")
print(f"- machine: {os.cpu_count()} cores, memory {memory}, {sh('uname -sr')}")
print(f"- tools: {sh('nginx -v 2>&1')}, {sh('wrk -v 2>&1 | head -1')}, .NET {sh('dotnet --version')}")
print(f"- method: `bench/identity/run.sh` — nginx backend (200-byte body) and wrk on core 0, nginx reverse proxy and the gateway on core 1; "
      f"`wrk -t1 -c64 -d{duration}s --latency`; each target warmed {warmup} s; {rounds} interleaved rounds (nginx, gateway public route, "
      "gateway citizen-only route with `Authorization: Bearer <citizen access token>`); medians below. Gateway: Release, SQLite, logging at Warning, "
      "health checks on. On the citizen route every request is authorized (RS256 access token, role check) and the agency app receives a signed "
      "`X-SatuPintu-Identity` token instead of the citizen's. Token endpoint: `wrk -t1 -c16` posting client-credentials requests "
      "(client secret check, token signing, token row stored) to `/connect/token`.\n")
print("## Proxy path\n")
print("| target | requests/s | p50 ms | p99 ms | RSS MiB | rounds (requests/s) |")
print("|---|---:|---:|---:|---:|---|")
for t in ["nginx", "gateway-public", "gateway-citizen"]:
    print(f"| {t} | {med(t, 2):,.0f} | {med(t, 3):.2f} | {med(t, 4):.2f} | {med(t, 6) / 1024:.0f} | "
          + ", ".join(f"{float(r[2]):,.0f}" for r in by[t]) + " |")
print(f"\n- authenticated gateway / nginx: **{ratio:.2f}×** by medians (paired per round: {', '.join(f'{p:.2f}' for p in paired)}); target ≥ 0.50")
print(f"- authenticated / public route of the same gateway: {med('gateway-citizen', 2) / med('gateway-public', 2):.2f}× "
      f"(paired: {', '.join(f'{p:.2f}' for p in paired_public)}): the cost of checking the token and forwarding the identity")
print("\n## Token endpoint (client credentials, SQLite)\n")
print("| gateway on | rounds (tokens/s) | median tokens/s | p50 ms | p99 ms |")
print("|---|---|---:|---:|---:|")
for t, label in [("tokens", "core 1 (pinned, wrk on core 0)"), ("tokens-2-cores", "both cores (the machine; wrk shares them)")]:
    print(f"| {label} | " + ", ".join(f"{float(r[2]):,.0f}" for r in by[t]) + f" | {med(t, 2):,.0f} | {med(t, 3):.2f} | {med(t, 4):.2f} |")
machine = med("tokens-2-cores", 2)
print(f"\n- target ≥ 1,000 tokens/s on this machine: {'met' if machine >= 1000 else 'NOT met'} ({machine:,.0f}/s)")
bad = [r for r in rows if r[5] not in ("0",)]
if bad:
    print(f"\nNon-2xx or socket errors seen: {bad}")
print(f"\nratio: {ratio:.2f}")
