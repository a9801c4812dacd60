#!/usr/bin/env python3
"""Registers the benchmark's services on a running gateway through its admin API.

usage: seed.py BASE_URL ADMIN_KEY BACKEND_URL COUNT
Creates agency "bench", the measured service "echo" at /bench/echo -> BACKEND_URL (with a quota per
address and per caller it never reaches: its cost is measured), and COUNT-1 other services
(svc-00001...) pointing at the same backend, all with active health checks on. BASE_URL is the
administration origin.
"""
import json, os, sys, time, urllib.request
from concurrent.futures import ThreadPoolExecutor

base, key, backend, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])

def call(method, path, body=None):
    request = urllib.request.Request(base + path, method=method, data=json.dumps(body).encode() if body else None,
                                     headers={"X-Admin-Key": key, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status
    except urllib.error.HTTPError as error:
        if error.code == 409:
            return 409
        raise SystemExit(f"{method} {path}: {error.code} {error.read().decode()}")

def service(slug):
    quota = ({"quota": {"perAddressPerMinute": 100_000_000, "perClientPerMinute": 100_000_000}}
             if slug == "echo" and os.environ.get("BENCH_NO_QUOTA") != "1" else {})
    return {
        "slug": slug, "agencyCode": "bench", "category": "informasi", "channel": "online",
        "name": {"id": f"Layanan uji {slug}", "en": f"Benchmark service {slug}"},
        "description": {"id": "Layanan untuk pengukuran", "en": "Service for benchmarking"},
        "standard": {"legalBasis": ["-"], "requirements": [], "procedure": [{"id": "-"}],
                     "completionWorkingDays": 0, "costRupiah": 0, "product": {"id": "-"},
                     "complaintChannel": {"id": "-"}},
        "exposure": {"destinations": [backend], "healthCheckPath": "/health", "access": {"kind": "public"}, **quota},
    }

call("POST", "/api/admin/agencies", {"code": "bench", "name": {"id": "Dinas Uji"}, "description": {"id": "Uji"}})
call("POST", "/api/admin/services", service("echo"))
if os.environ.get("BENCH_NO_QUOTA") != "1":
    call("POST", "/api/admin/services", service("plain"))  # the same route without a quota, to measure the quota's cost
started = time.time()
with ThreadPoolExecutor(max_workers=16) as pool:
    list(pool.map(lambda i: call("POST", "/api/admin/services", service(f"svc-{i:05d}")), range(2, count)))
print(f"seeded {count} services in {time.time() - started:.1f} s", file=sys.stderr)
