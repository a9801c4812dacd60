#!/usr/bin/env python3
"""Registers a small city catalogue for the portal benchmark through the admin API.

usage: seed.py ADMIN_BASE_URL ADMIN_KEY COUNT
Agency "disdukcapil" with the birth certificate (the measured service page, with a full published
standard as a real one has) and COUNT-1 more services spread over four agencies and the categories, so
that home, search and service pages render what a city's portal would.
"""
import json, sys, urllib.request
from concurrent.futures import ThreadPoolExecutor

base, key, count = sys.argv[1], sys.argv[2], int(sys.argv[3])

def call(method, path, body):
    request = urllib.request.Request(base + path, method=method, data=json.dumps(body).encode(),
                                     headers={"X-Admin-Key": key, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status
    except urllib.error.HTTPError as error:
        if error.code == 409:
            return 409
        raise SystemExit(f"{method} {path}: {error.code} {error.read().decode()}")

def text(id_, en):
    return {"id": id_, "en": en}

agencies = [("disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil", "kependudukan"),
            ("dpmptsp", "Dinas Penanaman Modal dan PTSP", "perizinan"),
            ("dinkes", "Dinas Kesehatan", "kesehatan"),
            ("dishub", "Dinas Perhubungan", "transportasi")]
for code, name, _ in agencies:
    call("POST", "/api/admin/agencies", {"code": code, "name": {"id": name}, "description": {"id": name},
                                         "contact": {"address": "Jl. Wastukancana No. 2, Bandung", "phone": "(022) 7208001"}})

def service(slug, agency, category, name):
    return {
        "slug": slug, "agencyCode": agency, "category": category, "channel": "hybrid",
        "name": text(name, name), "description": text(f"Pelayanan {name.lower()} bagi warga kota.", f"{name} for residents."),
        "standard": {
            "legalBasis": ["Undang-Undang Nomor 24 Tahun 2013", "Perpres Nomor 96 Tahun 2018", "Permendagri Nomor 108 Tahun 2019"],
            "requirements": [text("Surat keterangan lahir dari rumah sakit, puskesmas atau bidan", "Birth letter"),
                             text("Fotokopi Kartu Keluarga", "Family card copy"),
                             text("Fotokopi KTP-el kedua orang tua", "Parents' ID cards"),
                             text("Fotokopi buku nikah atau akta perkawinan", "Marriage certificate")],
            "procedure": [text("Isi formulir permohonan secara daring atau di loket", "Fill in the form"),
                          text("Unggah atau serahkan dokumen persyaratan", "Upload the documents"),
                          text("Petugas memverifikasi berkas", "An officer checks them"),
                          text("Dokumen diterbitkan dan dapat diunduh atau diambil", "The document is issued")],
            "completionWorkingDays": 1, "costRupiah": 0, "product": text("Kutipan akta kelahiran", "Birth certificate"),
            "complaintChannel": text("SP4N-LAPOR! dan loket pengaduan Disdukcapil", "SP4N-LAPOR! and the complaint desk"),
        },
    }

call("POST", "/api/admin/services", service("akta-kelahiran", "disdukcapil", "kependudukan", "Akta Kelahiran"))
rest = [service(f"layanan-{i:03d}", agencies[i % 4][0], agencies[i % 4][2], f"Layanan Kota {i:03d}") for i in range(1, count)]
with ThreadPoolExecutor(max_workers=8) as pool:
    list(pool.map(lambda body: call("POST", "/api/admin/services", body), rest))
print(f"seeded {count} services", file=sys.stderr)
