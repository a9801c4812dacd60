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
