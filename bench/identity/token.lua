-- wrk: client-credentials token requests (the secret comes from the environment, never the file)
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "grant_type=client_credentials&client_id=bench-backend&scope=agency%3Abench&client_secret=" .. os.getenv("BENCH_CLIENT_SECRET")
