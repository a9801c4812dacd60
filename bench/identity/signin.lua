-- wrk: password sign-ins through the real sign-in page (antiforgery cookie and token taken once from the
-- page by setup.py; they stay valid for every anonymous post). Each answer is a 302 with a new session.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = os.getenv("BENCH_SIGNIN_COOKIE")
wrk.body = os.getenv("BENCH_SIGNIN_BODY")
