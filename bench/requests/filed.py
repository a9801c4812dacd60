#!/usr/bin/env python3
"""Counts requests submitted since SINCE (ISO UTC) and how fast they went all the way to SIAK and back.

Reads the gateway's SQLite file (WAL: reading alongside the gateway is safe). Waits until every request
of the round is filed (case number and SIAK's status recorded) or TIMEOUT seconds pass, then prints
"submitted filed first_submit last_filed seconds rate".

usage: filed.py DB SINCE [TIMEOUT]
"""
import sqlite3, sys, time
from datetime import datetime

db, since = sys.argv[1], sys.argv[2]
timeout = float(sys.argv[3]) if len(sys.argv) > 3 else 120
connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
query = """SELECT count(*), sum(CASE WHEN dispatch = 'Filed' AND legacy_status IS NOT NULL THEN 1 ELSE 0 END),
                  min(submitted_at), max(CASE WHEN dispatch = 'Filed' THEN updated_at END)
           FROM service_requests WHERE submitted_at >= ?"""
deadline = time.time() + timeout
while True:
    submitted, filed, first, last = connection.execute(query, (since,)).fetchone()
    filed = filed or 0
    if submitted and filed == submitted or time.time() > deadline:
        break
    time.sleep(0.5)


def parse(value):
    return datetime.fromisoformat(value.replace(" ", "T").rstrip("Z")[:26])


seconds = (parse(last) - parse(first)).total_seconds() if filed else 0
print(submitted, filed, first, last, f"{seconds:.3f}", f"{(filed / seconds) if seconds else 0:.1f}")
