#!/usr/bin/env python3
"""Measures how long a catalogue change takes to become a live route.

usage: reload.py ADMIN_URL ADMIN_KEY BACKEND_URL REPEATS APPS_URL
(the administration origin registers it, the apps origin serves it)
Each repeat adds a service through the admin API and polls its route until it answers 200; prints
one line per repeat: milliseconds from sending the POST to the first 200 on the new route.
"""
import json, sys, time, urllib.request, uuid

base, key, backend, repeats, apps = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
for _ in range(repeats):
    slug = "reload-" + uuid.uuid4().hex[:8]
    body = {
        "slug": slug, "agencyCode": "bench", "category": "informasi", "channel": "online",
        "name": {"id": slug}, "description": {"id": "-"},
        "standard": {"legalBasis": ["-"], "requirements": [], "procedure": [{"id": "-"}],
                     "completionWorkingDays": 0, "costRupiah": 0, "product": {"id": "-"}, "complaintChannel": {"id": "-"}},
        "exposure": {"destinations": [backend], "healthCheckPath": "/health", "access": {"kind": "public"}},
    }
    started = time.perf_counter()
    request = urllib.request.Request(base + "/api/admin/services", method="POST", data=json.dumps(body).encode(),
                                     headers={"X-Admin-Key": key, "Content-Type": "application/json"})
    urllib.request.urlopen(request, timeout=30).read()
    while True:
        try:
            if urllib.request.urlopen(f"{apps}/bench/{slug}/b200", timeout=5).status == 200:
                break
        except urllib.error.HTTPError:
            pass
        if time.perf_counter() - started > 10:
            raise SystemExit(f"route {slug} did not answer within 10 s")
    print(f"{(time.perf_counter() - started) * 1000:.0f}")
