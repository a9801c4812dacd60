#!/usr/bin/env python3
"""bench/results/audit.md from the rounds of bench/audit/run.sh: the citizen route with the NIK forwarded, on the
gateway that records every forward against the same route on the gateway before the recording, round by round."""
import datetime, os, platform, statistics, subprocess, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from pairs import median_and_middle_half  # noqa: E402

raw, rounds, duration, warmup, before, recorded = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6]
rows = [line.rstrip("\n").split("\t") for line in open(raw) if line.strip()]
by = {t: [r for r in rows if r[1] == t] for t in ("now", "before")}
ratio, low, high = median_and_middle_half(by["now"], by["before"], 2)
cpu_ratio, _, _ = median_and_middle_half(by["now"], by["before"], 7)
forwards, records, all_nik = recorded.split()
sdk = subprocess.run(["dotnet", "--version"], capture_output=True, text=True).stdout.strip()

print("# Audit benchmark: recording identities forwarded to agencies\n")
print(f"Date: {datetime.date.today()} · machine: {os.cpu_count()} cores · {platform.system()} · .NET SDK {sdk}\n")
print(f"Command: `bash bench/audit/run.sh` (ROUNDS={rounds}, DURATION={duration} s, WARMUP={warmup} s, BEFORE={before}). "
      "Method: the script's header; ../../../shared/BENCHMARKING.md.\n")
print("The citizen route `/bench/warga/b200` with a citizen's bearer token; the agency `bench` is in "
      "`Identity:ForwardedIdentity:AgenciesSeeingNik`, so every forwarded identity token carries the NIK. *now* counts each "
      "forward and writes the counts to the audit trail every 10 s; *before* is the same gateway before the recording.\n")
print("| round | now req/s | before req/s | ratio | now p99 ms | before p99 ms | now CPU µs/req | before CPU µs/req | non-2xx now/before |")
print("|---|---|---|---|---|---|---|---|---|")
for a, b in zip(by["now"], by["before"]):
    print(f"| {a[0]} | {float(a[2]):.0f} | {float(b[2]):.0f} | {float(a[2]) / float(b[2]):.3f} | {a[4]} | {b[4]} | {a[7]} | {b[7]} | {a[5]}/{b[5]} |")
print()
cost = (f"cost {100 * (1 - ratio):.1f} %" if ratio < 1
        else f"no cost measurable: *now* ran {100 * (ratio - 1):.1f} % faster, inside this machine's round-to-round noise")
print(f"ratio now/before (median of paired rounds): **{ratio:.3f}** (middle half {low:.3f}–{high:.3f}) — "
      f"{cost}; target: under 5 % ({'met' if ratio >= 0.95 else 'not met'})\n")
print(f"CPU per request now/before (median of paired rounds): {cpu_ratio:.3f}\n")
print(f"Recorded on *now* by the end of the run: {forwards} forwards in {records} audit records "
      f"(per person, agency, service and hour, per write){'; every one names the NIK' if all_nik == 'True' else ''}.")
