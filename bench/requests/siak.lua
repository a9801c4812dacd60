-- wrk: the same filing straight to the sample SIAK (the bare legacy call), a new no_referensi each time.
local counter = 0
local thread_tag = tostring(math.random(1, 1e9))
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-SIAK-Key"] = os.getenv("BENCH_SIAK_KEY")

request = function()
  counter = counter + 1
  wrk.body = '{"no_referensi":"BARE-' .. thread_tag .. '-' .. os.time() .. '-' .. counter ..
    '","jenis_layanan":"akta-kelahiran","nik_pemohon":"3273015708900001","nama_pemohon":"Warga Bench",' ..
    '"tgl_pengajuan":"23-11-2026","data":{"nama_anak":"Aditya Pratama"}}'
  return wrk.format()
end
