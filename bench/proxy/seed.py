#!/usr/bin/env python3
"""Registers the benchmark's services on a running gateway through its admin API.

usage: seed.py BASE_URL ADMIN_KEY BACKEND_URL COUNT
Creates agency "bench", the measured service "echo" at /bench/echo -> BACKEND_URL (with a quota per
address and per caller it never reaches: its cost is measured), and the other services, all with active
health checks on. BASE_URL is the administration origin.
- small catalogues (or BENCH_IMPORT=0, for a gateway without the import API): services svc-00002...
  of agency "bench", one POST each, all on BACKEND_URL;
- large ones: a national-scale shape, agencies a0001... of 100 services each, every agency on its own
  app (BACKEND_URL/a0001/...: one upstream, so one cluster and one health URL, per agency), loaded through
  POST /api/admin/services/import in batches of 5,000; prints "import <rows> <seconds>" per batch.
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

def service(slug, agency="bench", destination=None):
    quota = ({"quota": {"perAddressPerMinute": 100_000_000, "perClientPerMinute": 100_000_000}}
             if slug == "echo" and os.environ.get("BENCH_NO_QUOTA") != "1" else {})
    return {
        "slug": slug, "agencyCode": agency, "category": "informasi", "channel": "online",
        "name": {"id": f"Layanan uji {slug}", "en": f"Benchmark service {slug}"},
        "description": {"id": "Layanan untuk pengukuran", "en": "Service for benchmarking"},
        "standard": {"legalBasis": ["-"], "requirements": [], "procedure": [{"id": "-"}],
                     "completionWorkingDays": 0, "costRupiah": 0, "product": {"id": "-"},
                     "complaintChannel": {"id": "-"}},
        "exposure": {"destinations": [destination or backend], "healthCheckPath": "/health", "access": {"kind": "public"}, **quota},
    }

call("POST", "/api/admin/agencies", {"code": "bench", "name": {"id": "Dinas Uji"}, "description": {"id": "Uji"}})
call("POST", "/api/admin/services", service("echo"))
if os.environ.get("BENCH_NO_QUOTA") != "1":
    call("POST", "/api/admin/services", service("plain"))  # the same route without a quota, to measure the quota's cost
started = time.time()
if count <= 1000 or os.environ.get("BENCH_IMPORT") == "0":
    with ThreadPoolExecutor(max_workers=16) as pool:
        list(pool.map(lambda i: call("POST", "/api/admin/services", service(f"svc-{i:05d}")), range(2, count)))
else:
    rows = [(f"a{i // 100 + 1:04d}", f"s{i:05d}") for i in range(count - 2)]
    agencies = sorted({agency for agency, _ in rows})
    with ThreadPoolExecutor(max_workers=16) as pool:
        list(pool.map(lambda code: call("POST", "/api/admin/agencies", {"code": code, "name": {"id": f"Dinas {code}"}, "description": {"id": "Uji"}}), agencies))
    for first in range(0, len(rows), 5000):
        batch = [service(slug, agency, f"{backend}{agency}/") for agency, slug in rows[first:first + 5000]]
        took = time.time()
        call("POST", "/api/admin/services/import", {"services": batch})
        print(f"import {len(batch)} {time.time() - took:.2f}", flush=True)
print(f"seeded {count} services in {time.time() - started:.1f} s", file=sys.stderr)
