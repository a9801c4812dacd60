#!/usr/bin/env python3
"""Turns the raw measurements of run.sh into bench/results/proxy.md."""
import datetime, os, statistics, subprocess, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from pairs import median_and_middle_half  # noqa: E402

raw, work, large, rounds, duration, warmup = sys.argv[1:7]
before_commit = sys.argv[7] if len(sys.argv) > 7 else ""
rows = [line.rstrip("\n").split("\t") for line in open(raw) if line.strip()]
targets = ["nginx", "yarp", "gateway-20", "gateway-20-no-quota", f"gateway-{large}"]
if before_commit:
    targets.insert(2, "gateway-before")
bodies = [("b200", "200 B"), ("b16k", "16 KiB")]

def runs(body, target):
    return [r for r in rows if r[1] == body and r[2] == target]

def median(body, target, column):
    return statistics.median(float(r[column]) for r in runs(body, target))

def cpu_cost(body, target, reference):
    """How much more CPU a request of target costs than one of reference, in %, by medians of the rounds."""
    return (median(body, target, 8) / median(body, reference, 8) - 1) * 100

def paired(body, target, reference, column):
    return median_and_middle_half(runs(body, target), runs(body, reference), column)

def cost_line(body, target, reference):
    """The cost of target against reference, from per-round pairs, by CPU per request and by throughput."""
    cpu, cpu_lo, cpu_hi = paired(body, target, reference, 8)
    rps, rps_lo, rps_hi = paired(body, target, reference, 3)
    return (f"**{(cpu - 1) * 100:+.1f} % CPU per request** (median of per-round ratios; middle half {(cpu_lo - 1) * 100:+.1f} to "
            f"{(cpu_hi - 1) * 100:+.1f} %), throughput {rps:.2f}× (middle half {rps_lo:.2f}–{rps_hi:.2f}×)")

def sh(command):
    return subprocess.run(command, shell=True, capture_output=True, text=True).stdout.strip()

out = []
emit = out.append
emit("# Proxy benchmark: SatuPintu gateway vs nginx")
emit("")
emit(f"- date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC")
memory = sh("free -h | awk '/Mem:/ {print $2}'")
emit(f"- machine: {sh('nproc')} cores, memory {memory}, {sh('uname -sr')}")
emit(f"- tools: {sh('nginx -v 2>&1')}, {sh('wrk --version 2>&1 | head -1')}, .NET {sh('dotnet --version')}")
emit(f"- method: `bench/proxy/run.sh` — fixed nginx backend and wrk on core 0 (`taskset -c 0`), proxy under test on core 1;"
     f" `wrk -t1 -c64 -d{duration}s --latency`; each target warmed {warmup} s; {rounds} interleaved rounds, each starting one target further ({', '.join(targets)})"
     f" per body size; medians below. `yarp`: bare YARP (`bench/proxy/bare-yarp`, one route with the prefix stripped, ASP.NET Core defaults). `gateway-{large}`:"
     f" {large} services, 500 agencies of 100 on their own upstream each (500 clusters, 500 health URLs), loaded with the bulk import. Gateway: Release, Development environment (plain HTTP on"
     f" loopback; the three origins on 127.0.0.1-3, `bench/lib/gateway.sh`; rate limits off), logging at Warning,"
     f" active (10 s) and passive health checks on every service; the measured route is an ordinary catalogue route on the apps origin"
     f" (`/bench/echo/*`, prefix stripped, X-Forwarded-*, every gateway cookie and the Authorization header removed, upstream"
     f" Set-Cookie confined) **with a per-service quota** per address and per caller that it never reaches; `gateway-20-no-quota` is"
     f" the same route without the quota in the same gateway"
     + (f"; `gateway-before` is the gateway built from commit {before_commit} (before this change), in Development like the others"
        if before_commit else "")
     + ". nginx: reverse proxy with upstream keep-alive 64. CPU per request: the process's user + system time (nginx: with its"
     " workers) over the measured seconds, from /proc, divided by the requests served; unlike requests/s it leaves out the time"
     " a noisy neighbour held the core, so costs are compared by it.")
emit("")

for body, label in bodies:
    emit(f"## {label} body")
    emit("")
    emit("| target | requests/s | p50 ms | p99 ms | RSS MiB | CPU µs per request |")
    emit("|---|---:|---:|---:|---:|---:|")
    for t in targets:
        rss = statistics.median(float(r[7]) for r in runs(body, t)) / 1024
        emit(f"| {t} | {median(body, t, 3):,.0f} | {median(body, t, 4):.2f} | {median(body, t, 5):.2f} | {rss:.0f} | {median(body, t, 8):.1f} |")
    n_rps, y_rps, g_rps, l_rps = (median(body, t, 3) for t in ("nginx", "yarp", "gateway-20", f"gateway-{large}"))
    q_rps = median(body, "gateway-20-no-quota", 3)
    n_p99, g_p99 = median(body, "nginx", 5), median(body, "gateway-20", 5)
    g_rss, l_rss = (statistics.median(float(r[7]) for r in runs(body, t)) / 1024 for t in ("gateway-20", f"gateway-{large}"))
    emit("")
    emit(f"- gateway/bare YARP throughput: **{g_rps / y_rps:.2f}×** with the quota, {q_rps / y_rps:.2f}× without (target ≥ 1.00);"
         f" per round: {cost_line(body, 'gateway-20-no-quota', 'yarp')}")
    emit(f"- gateway/nginx throughput: **{g_rps / n_rps:.2f}×** (target ≥ 0.60); bare YARP/nginx {y_rps / n_rps:.2f}×")
    emit(f"- the quota's cost in this run (the same route with quota against without): {cost_line(body, 'gateway-20', 'gateway-20-no-quota')} (target < 5 %)")
    if before_commit:
        b_rps = median(body, "gateway-before", 3)
        emit(f"- against the gateway at commit {before_commit} (same route, same run): "
             f"{cost_line(body, 'gateway-20', 'gateway-before')}; its ratio to nginx here {b_rps / n_rps:.2f}×")
    emit(f"- gateway/nginx p99: **{g_p99 / n_p99:.2f}×** (target ≤ 3.00)")
    emit(f"- {large} services vs 20: throughput **{l_rps / g_rps:.2f}×** by medians (target ≥ 0.95); per round: {cost_line(body, f'gateway-{large}', 'gateway-20')}")
    emit(f"- RSS under load: {g_rss:.0f} MiB with 20 services (target < 200), **{l_rss:.0f} MiB** with {large} (target < 500)")
    emit("")

small = [int(x) for x in open(os.path.join(work, "reload-small.txt")).read().split()]
big = [int(x) for x in open(os.path.join(work, "reload-large.txt")).read().split()]
server = open(os.path.join(work, "reload-large-server.txt")).read().strip().splitlines()
idle = [line.split("\t") for line in open(os.path.join(work, "idle.tsv")).read().strip().splitlines()]
emit("## Background cost")
emit("")
emit("CPU the gateway uses with no traffic (health probing every 10 s, timers), % of one core over 20 s:"
     + "".join(f" {name.strip()} {float(value):.1f} %;" for name, value in idle).rstrip(";") + ".")
emit(f"The {large}-service gateway probes one health URL per agency app (500, every 10 s: 50 probes/s; `SharedProber` asks each"
     f" distinct URL once per interval, and services on one app share one YARP cluster).")
emit("")
imports = [line.split() for line in open(os.path.join(work, "import.txt")).read().strip().splitlines() if line.startswith("import ")]
emit("## Bulk import")
emit("")
emit(f"`POST /api/admin/services/import`, batches of 5,000 services (each checked against the catalogue and the batch, one transaction,"
     f" live when it returns), {len(imports)} batches into a growing catalogue:"
     f" {', '.join(f'{float(t):.1f}' for _, _, t in imports)} s (max **{max(float(t) for _, _, t in imports):.1f} s**, target < 30 s per 5,000).")
emit("")
emit("## Route reload")
emit("")
emit("Time from sending `POST /api/admin/services` (a new service with its exposure) to the first 200 from its new route,"
     " measured by `bench/proxy/reload.py`, 5 times each:")
emit("")
emit(f"- 20-service catalogue: {', '.join(map(str, small))} ms (max {max(small)} ms)")
emit(f"- {large}-service catalogue: {', '.join(map(str, big))} ms (max **{max(big)} ms**, target < 1000 ms)")
if server:
    emit(f"- server side, last reloads of the {large}-service gateway (read, publish, observers = the proxy, search index):")
    for line in server:
        emit(f"  - {line}")
emit("")
emit("## Every repeat")
emit("")
emit("| round | body | target | requests/s | p50 ms | p99 ms | non-2xx | RSS KiB | CPU µs/request |")
emit("|---:|---|---|---:|---:|---:|---:|---:|---:|")
for r in rows:
    emit("| " + " | ".join(r) + " |")
emit("")
b200 = dict((t, median("b200", t, 3)) for t in targets)
emit(f"ratio: {b200['gateway-20'] / b200['nginx']:.2f} of nginx, {b200['gateway-20'] / b200['yarp']:.2f} of bare YARP")
print("\n".join(out))
