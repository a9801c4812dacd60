-- wrk: citizens' submits to /api/requests, each with its own Idempotency-Key (the session cookie
-- comes from the environment, never the file; BENCH_SERVICE names the service, akta-kelahiran by default).
local counter = 0
local thread_tag = tostring(math.random(1, 1e9))
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE")
wrk.body = '{"service":"' .. (os.getenv("BENCH_SERVICE") or "akta-kelahiran") .. '","fields":{"nama_anak":"Aditya Pratama","tanggal_lahir":"2026-11-02","nik_ibu":"3273015708900001"}}'

request = function()
  counter = counter + 1
  wrk.headers["Idempotency-Key"] = thread_tag .. "-" .. os.time() .. "-" .. counter
  return wrk.format()
end
