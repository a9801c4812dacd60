# How the HTTP benchmarks run the gateway (sourced, not run). Release build; the Development environment
# (plain HTTP on loopback — refused anywhere else — with the demo and the rate limits turned off: they
# would cap what is measured); logging at Warning. The three origins (docs/security.md) listen on three
# loopback addresses of one port, so wrk, curl and Python need no host names:
#   apps 127.0.0.1 (the proxied agency apps), portal 127.0.0.2 (public and citizen APIs, sign-in),
#   admin 127.0.0.3 (admin API).

origins() { # port -> sets $APPS $PORTAL $ADMIN
  APPS="http://127.0.0.1:$1"; PORTAL="http://127.0.0.2:$1"; ADMIN="http://127.0.0.3:$1"
}

gateway_env() { # port data-directory -> the environment assignments, for `env $(gateway_env ...) dotnet ...`
  printf '%s\n' ASPNETCORE_ENVIRONMENT=Development "ASPNETCORE_URLS=http://127.0.0.1:$1;http://127.0.0.2:$1;http://127.0.0.3:$1" \
    Edge__Hosts__Apps=127.0.0.1 Edge__Hosts__Portal=127.0.0.2 Edge__Hosts__Admin=127.0.0.3 Edge__AllowHttp=true \
    "Storage__DataDirectory=$2" Demo__Enabled=false RateLimits__Enabled=false Logging__LogLevel__Default=Warning
}

wait_ready() { # port log
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$1/healthz/ready" >/dev/null && return; sleep 0.5; done
  echo "the gateway on $1 did not become ready; see $2" >&2; exit 1
}

rotated() { # round target... -> the targets, starting one further along each round, so that no target always
  # follows the same neighbour (on 2 cores the one before can leave work behind: GC, closing connections)
  local round=$1; shift; local n=$#; local i
  for i in $(seq 0 $((n - 1))); do local k=$(( (i + round - 1) % n + 1 )); echo "${!k}"; done
}

cpu_ticks() { # pid -> CPU time (user + system, clock ticks) of the process and its children (nginx's workers)
  local total=0 p
  for p in "$1" $(pgrep -P "$1"); do total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done
  echo "$total"
}

cpu_us_per_op() { # ticks-before ticks-after operations/s seconds -> CPU µs the process spent per operation
  # CPU time, unlike requests/s, does not count the time a noisy neighbour held the core (steal), so this
  # compares targets far more steadily on a shared machine than throughput does.
  python3 -c 'import sys; t0, t1, rate, secs, hz = map(float, sys.argv[1:]); print(f"{(t1 - t0) / hz * 1e6 / max(rate * secs, 1):.1f}")' \
    "$1" "$2" "$3" "$4" "$(getconf CLK_TCK)"
}
