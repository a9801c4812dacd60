#!/usr/bin/env bash
# Events benchmark: the outbox against publishing after the commit, the inbox consumer against a plain one,
# bare MassTransit beside them for context; on the same RabbitMQ, in the
# same run, interleaved (method: ../../../shared/BENCHMARKING.md).
#   bare            MassTransit publish (durable queue, publisher confirms, 100 in flight) + consume
#   gw-pg-100       PostgreSQL: state change (a complaint row) + its event in the outbox, 100 per
#                   transaction, 2 producers -> outbox dispatcher -> RabbitMQ -> a plain consumer
#   direct-pg-100   the same state change without an outbox: publish straight after the commit (what
#                   the outbox replaces; an event is lost if the process dies in between)
#   gw-pg-inbox     the same as gw-pg-100, consumed by an inbox consumer (group commit: events arriving together share a transaction)
#   gw-pg-1         the same as gw-pg-100, one event per transaction, 16 concurrent producers
#   gw-sqlite-100   as gw-pg-100 on the embedded SQLite database
# Each measurement is its own process on a fresh virtual host (and fresh database), warmed with a
# tenth of its events first. Writes bench/results/events.md. Tunables: ROUNDS (5), EVENTS (20000),
# EVENTS_PER_TX1 (5000: one transaction per event is slower).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
results="$root/bench/results/events.md"
ROUNDS="${ROUNDS:-5}" EVENTS="${EVENTS:-20000}" EVENTS_PER_TX1="${EVENTS_PER_TX1:-5000}"
PG_ADMIN="${PG_ADMIN:-Host=127.0.0.1;Username=postgres;Password=postgres}"
work="$root/bench/.work/events"
rm -rf "$work" && mkdir -p "$work"

rabbitmq-diagnostics -q check_port_listener 5672 >/dev/null || { echo "RabbitMQ must be running (bash .ci/run starts it)" >&2; exit 2; }
pg_isready -q -h 127.0.0.1 || { echo "PostgreSQL must be running on 127.0.0.1" >&2; exit 2; }

dotnet build -c Release "$here/EventsBench" -o "$work/bin" >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
bench="$work/bin/EventsBench"

fresh_vhost() {
  local name="bench-events-$1"
  rabbitmqctl -q delete_vhost "$name" >/dev/null 2>&1 || true
  rabbitmqctl -q add_vhost "$name" >/dev/null
  rabbitmqctl -q set_permissions -p "$name" guest ".*" ".*" ".*" >/dev/null
  echo "$name"
}
fresh_db() {
  # CHECKPOINT: the previous measurement's WAL is flushed now, not during this one.
  PGPASSWORD=postgres psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS bench_events WITH (FORCE)" -c "CREATE DATABASE bench_events" -c "CHECKPOINT" >/dev/null
  echo "Host=127.0.0.1;Database=bench_events;Username=postgres;Password=postgres"
}

measure() { # target round -> events per second
  local target=$1 round=$2 vhost line
  vhost=$(fresh_vhost "$target-$round")
  case "$target" in
    bare)          line=$("$bench" bare "$vhost" "$EVENTS" 2>>"$work/stderr.log") ;;
    gw-pg-100)     line=$(BENCH_PER_TRANSACTION=100 BENCH_PRODUCERS=2 BENCH_CONSUMER=plain "$bench" gateway "$vhost" "$EVENTS" postgres "$(fresh_db)" 2>>"$work/stderr.log") ;;
    direct-pg-100) line=$(BENCH_DIRECT=1 BENCH_PER_TRANSACTION=100 BENCH_PRODUCERS=2 BENCH_CONSUMER=plain "$bench" gateway "$vhost" "$EVENTS" postgres "$(fresh_db)" 2>>"$work/stderr.log") ;;
    gw-pg-inbox)   line=$(BENCH_PER_TRANSACTION=100 BENCH_PRODUCERS=2 BENCH_CONSUMER=inbox "$bench" gateway "$vhost" "$EVENTS" postgres "$(fresh_db)" 2>>"$work/stderr.log") ;;
    gw-pg-1)       line=$(BENCH_PER_TRANSACTION=1 BENCH_PRODUCERS=16 BENCH_CONSUMER=plain "$bench" gateway "$vhost" "$EVENTS_PER_TX1" postgres "$(fresh_db)" 2>>"$work/stderr.log") ;;
    gw-sqlite-100) line=$(BENCH_PER_TRANSACTION=100 BENCH_PRODUCERS=2 BENCH_CONSUMER=plain "$bench" gateway "$vhost" "$EVENTS" sqlite 2>>"$work/stderr.log") ;;
  esac
  rabbitmqctl -q delete_vhost "$vhost" >/dev/null
  echo "$line" | grep -E '^(bare|gateway) ' | tail -1 | awk '{print $4}'
}

targets=(bare gw-pg-100 direct-pg-100 gw-pg-inbox gw-pg-1 gw-sqlite-100)
: >"$work/rounds.txt"
for round in $(seq 1 "$ROUNDS"); do
  # Each round starts one target further, so no target always runs right after the same neighbour.
  n=${#targets[@]} shift=$(( (round - 1) % ${#targets[@]} ))
  for i in $(seq 0 $((n - 1))); do
    target=${targets[$(( (i + shift) % n ))]}
    rate=$(measure "$target" "$round")
    echo "round $round $target $rate events/s" | tee -a "$work/rounds.txt"
  done
done

python3 "$here/report.py" "$work/rounds.txt" "$results" "$ROUNDS" "$EVENTS" "$EVENTS_PER_TX1"
echo "wrote $results"
