"""What the HTTP benchmarks share to sign in like a browser: a cookie jar that does not follow
redirects, the admin API with the bootstrap key, and the sign-in form with its antiforgery token."""
import http.cookiejar, json, re, sys, urllib.error, urllib.parse, urllib.request


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    def __init__(self, gateway):
        self.gateway = gateway.rstrip("/")
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def get(self, url):
        try:
            with self.opener.open(urllib.parse.urljoin(self.gateway, url)) as response:
                return response.status, response.headers.get("Location"), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Location"), error.read().decode()

    def post(self, url, form):
        request = urllib.request.Request(urllib.parse.urljoin(self.gateway, url), data=urllib.parse.urlencode(form).encode())
        try:
            with self.opener.open(request) as response:
                return response.status, response.headers.get("Location")
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Location")

    def sign_in(self, login, password, login_page="/akun/masuk"):
        """Fills the sign-in form (antiforgery token included); returns where the gateway sends the browser next."""
        _, _, html = self.get(login_page)
        token = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', html).group(1)
        query = urllib.parse.parse_qs(urllib.parse.urlparse(login_page).query)
        form = {"login": login, "password": password, "__RequestVerificationToken": token}
        if "ReturnUrl" in query:
            form["returnUrl"] = query["ReturnUrl"][0]
        status, location = self.post("/akun/masuk", form)
        if status != 302:
            sys.exit(f"sign-in as {login} answered {status}")
        return location

    def cookie_header(self):
        return "; ".join(f"{c.name}={c.value}" for c in self.jar)


def admin(gateway, key, method, path, body=None):
    request = urllib.request.Request(gateway.rstrip("/") + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"X-Admin-Key": key, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request) as response:
            return json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        sys.exit(f"{method} {path} answered {error.code}: {error.read().decode()}")
