#!/usr/bin/env python3
"""Prepares a running gateway for the requests benchmark and prints the citizen's session cookie.

- agency "disdukcapil" and the service "akta-kelahiran" with a form, whose app is the Disdukcapil adapter
  running as a service of its own (upstream authentication "adapter");
- a citizen account (admin API) signed in through the sign-in form.

usage: setup.py ADMIN_URL PORTAL_URL ADMIN_KEY ADAPTER_URL ADAPTER_KEY   (the administration and portal origins)
"""
import json, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from signon import Browser, admin  # noqa: E402

admin_origin, gateway, key = sys.argv[1].rstrip("/"), sys.argv[2].rstrip("/"), sys.argv[3]
form = {"type": "object", "required": ["nama_anak", "tanggal_lahir", "nik_ibu"],
        "properties": {"nama_anak": {"type": "string", "minLength": 2}, "tanggal_lahir": {"type": "string", "format": "date"},
                       "nik_ibu": {"type": "string", "pattern": "^[0-9]{16}$"}}}
admin(admin_origin, key, "POST", "/api/admin/agencies", {"code": "disdukcapil", "name": {"id": "Disdukcapil"}, "description": {"id": "bench"}})


def add_service(slug, name, **extra):
    admin(admin_origin, key, "POST", "/api/admin/services", {
        "slug": slug, "agencyCode": "disdukcapil", "category": "kependudukan", "channel": "online",
        "name": {"id": name}, "description": {"id": "bench"},
        "standard": {"legalBasis": ["bench"], "requirements": [], "procedure": [{"id": "-"}], "completionWorkingDays": 1,
                     "costRupiah": 0, "product": {"id": "-"}, "complaintChannel": {"id": "-"}},
        "requestForm": form, **extra})


add_service("akta-kelahiran", "Akta Kelahiran",
            exposure={"destinations": [sys.argv[4]], "healthCheckPath": "/health", "access": {"kind": "citizen"},
                      "upstreamAuth": {"kind": "adapter", "secret": sys.argv[5]}})
account = admin(admin_origin, key, "POST", "/api/admin/accounts",
                {"role": "citizen", "fullName": "Warga Bench", "email": "warga@bench.example.org", "nik": "3273015708900001"})
browser = Browser(gateway)
browser.sign_in("warga@bench.example.org", account["temporaryPassword"])
print(json.dumps({"cookie": browser.cookie_header()}))
