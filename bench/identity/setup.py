#!/usr/bin/env python3
"""Prepares a running gateway for the identity benchmark and prints what wrk needs, as JSON.

- agency "bench" with two services on the fixed backend: "echo" (public) and "warga" (citizen only), both with a
  per-service quota that is never reached
- a citizen account (admin API, so its NIK is verified), a public client, and the authorization code flow with
  PKCE done the way a browser would (sign-in form with its antiforgery token) -> the citizen's access token
  (scopes from BENCH_SCOPE, default "openid profile"; bench/audit adds "nik")
- a confidential client with client credentials for the token-endpoint measurement
- a second citizen for the sign-in measurement: the sign-in page's antiforgery cookie and a form body

usage: setup.py ADMIN_URL PORTAL_URL ADMIN_KEY BACKEND_URL   (the administration and portal origins)
"""
import base64, hashlib, json, os, re, secrets, sys, urllib.parse, urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from signon import Browser, admin as admin_call  # noqa: E402

admin_origin, gateway, key, backend = sys.argv[1].rstrip("/"), sys.argv[2].rstrip("/"), sys.argv[3], sys.argv[4]


def admin(method, path, body=None):
    return admin_call(admin_origin, key, method, path, body)


def service(slug, access):
    return {"slug": slug, "agencyCode": "bench", "category": "informasi", "channel": "online",
            "name": {"id": slug, "en": slug}, "description": {"id": "bench", "en": "bench"},
            "standard": {"legalBasis": ["bench"], "requirements": [], "procedure": [{"id": "-"}], "completionWorkingDays": 0,
                         "costRupiah": 0, "product": {"id": "-"}, "complaintChannel": {"id": "-"}},
            "exposure": {"destinations": [backend], "healthCheckPath": "/health", "access": {"kind": access},
                         # a quota per address and per caller the measurement never reaches: its cost is part of what is measured
                         "quota": {"perAddressPerMinute": 100_000_000, "perClientPerMinute": 100_000_000}}}


admin("POST", "/api/admin/agencies", {"code": "bench", "name": {"id": "Bench", "en": "Bench"}, "description": {"id": "b", "en": "b"}})
admin("POST", "/api/admin/services", service("echo", "public"))
admin("POST", "/api/admin/services", service("warga", "citizen"))
account = admin("POST", "/api/admin/accounts", {"role": "citizen", "fullName": "Warga Bench", "email": "warga@bench.example.org", "nik": "3273015708900001"})
redirect = "http://127.0.0.1:9/bench/callback"
admin("POST", "/api/admin/clients", {"clientId": "bench-portal", "displayName": "Bench portal", "kind": "public", "consent": "implicit",
                                     "redirectUris": [redirect], "postLogoutRedirectUris": [], "scopes": ["openid", "profile", "nik"],
                                     "grants": ["authorizationCode"]})
backend_client = admin("POST", "/api/admin/clients", {"clientId": "bench-backend", "displayName": "Bench back end", "kind": "confidential",
                                                     "consent": "implicit", "redirectUris": [], "postLogoutRedirectUris": [],
                                                     "scopes": ["agency:bench"], "grants": ["clientCredentials"]})


browser = Browser(gateway)

verifier = secrets.token_urlsafe(32)
challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
authorize = gateway + "/connect/authorize?" + urllib.parse.urlencode({
    "client_id": "bench-portal", "redirect_uri": redirect, "response_type": "code", "scope": os.environ.get("BENCH_SCOPE", "openid profile"),
    "code_challenge": challenge, "code_challenge_method": "S256", "state": "s", "nonce": "n"})
status, location, _ = browser.get(authorize)
location = browser.sign_in("warga@bench.example.org", account["temporaryPassword"], login_page=location)
status, location, _ = browser.get(location)
code = urllib.parse.parse_qs(urllib.parse.urlparse(location).query)["code"][0]
with urllib.request.urlopen(gateway + "/connect/token", data=urllib.parse.urlencode({
        "grant_type": "authorization_code", "client_id": "bench-portal", "redirect_uri": redirect, "code": code,
        "code_verifier": verifier}).encode()) as response:
    tokens = json.loads(response.read())

# The sign-in measurement: a form with the antiforgery token of one page view, and its cookie.
signer = admin("POST", "/api/admin/accounts", {"role": "citizen", "fullName": "Warga Masuk", "email": "masuk@bench.example.org", "nik": "3273024505920002"})
page = Browser(gateway)
_, _, html = page.get("/akun/masuk")
form_token = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', html).group(1)
signin_body = urllib.parse.urlencode({"login": "masuk@bench.example.org", "password": signer["temporaryPassword"], "__RequestVerificationToken": form_token})

print(json.dumps({"accessToken": tokens["access_token"], "clientSecret": backend_client["clientSecret"],
                  "signinCookie": page.cookie_header(), "signinBody": signin_body}))
