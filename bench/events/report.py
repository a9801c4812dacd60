"""Turns the rounds of run.sh into bench/results/events.md: every repeat, medians, paired ratios."""
import datetime
import os
import statistics
import subprocess
import sys

rounds_file, results, rounds, events, events_tx1 = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
rates = {}
for line in open(rounds_file):
    _, rnd, target, rate, _ = line.split()
    rates.setdefault(target, {})[int(rnd)] = float(rate)

def median(target):
    return statistics.median(rates[target].values())

def paired(target):
    return [rates[target][r] / rates["bare"][r] for r in sorted(rates["bare"]) if r in rates[target]]

def sh(cmd):
    return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()

cores = sh("nproc")
memory = sh("free -h | awk '/Mem:/ {print $2}'")
rabbit = sh("dpkg-query -W -f='${Version}' rabbitmq-server")
dotnet = sh("dotnet --version")

labels = {
    "bare": "bare MassTransit (reference)",
    "gw-pg-100": "gateway, PostgreSQL, 100 events per transaction, plain consumer",
    "direct-pg-100": "same state change, no outbox: publish after commit (PostgreSQL, 100 per transaction)",
    "gw-pg-inbox": "gateway, PostgreSQL, 100 per transaction, inbox consumer",
    "gw-pg-1": "gateway, PostgreSQL, 1 event per transaction (16 producers), plain consumer",
    "gw-sqlite-100": "gateway, SQLite, 100 per transaction, plain consumer",
}
headline = median("gw-pg-100") / median("bare")
outbox_cost = median("gw-pg-100") / median("direct-pg-100") if "direct-pg-100" in rates else float("nan")
out = [
    "# Events benchmark",
    "",
    f"Date: {datetime.date.today()} · machine: {cores} cores, {memory} RAM · RabbitMQ {rabbit} · PostgreSQL 15 · .NET SDK {dotnet}",
    "",
    "Command: `bash bench/events/run.sh` "
    f"(ROUNDS={rounds}, EVENTS={events}, EVENTS_PER_TX1={events_tx1}). Method: bench/events/README.md.",
    "",
    "Everything (broker, database, producer, consumer) shares the machine's cores, as in the reference figures of shared/BENCHMARKING.md.",
    "",
    "| target | " + " | ".join(f"round {r}" for r in range(1, rounds + 1)) + " | median events/s | median ratio to bare | paired ratios |",
    "|---|" + "---|" * (rounds + 3),
]
for target in ["bare", "gw-pg-100", "direct-pg-100", "gw-pg-inbox", "gw-pg-1", "gw-sqlite-100"]:
    if target not in rates:
        continue
    cells = " | ".join(f"{rates[target].get(r, float('nan')):.0f}" for r in range(1, rounds + 1))
    ratio = median(target) / median("bare")
    pairs = ", ".join(f"{p:.2f}" for p in paired(target))
    out.append(f"| {labels[target]} | {cells} | {median(target):.0f} | {ratio:.2f} | {pairs} |")
out += [
    "",
    "Headline: the gateway's pipeline (state change and outbox in one PostgreSQL transaction, dispatcher,",
    "RabbitMQ, consumer) against bare MassTransit publish/consume on the same broker.",
    "",
    f"ratio: {headline:.2f}",
    "",
    f"Target of issue 3: at least 0.70 — {'met' if headline >= 0.7 else 'not met'}.",
    "",
    f"Outbox against publishing straight after the commit, with the same state change: {outbox_cost:.2f}",
    "(the cost of never losing an event, apart from the cost of the state change itself).",
    "",
]
os.makedirs(os.path.dirname(results), exist_ok=True)
open(results, "w").write("\n".join(out))
print("\n".join(out))
