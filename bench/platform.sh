# Sourced by the bench scripts that start the whole platform as ./run.sh does (Release, the "http" launch profile),
# on a throw-away state folder, with rate limits high enough not to refuse their load. Each script defines die().

# The platform's fixed ports (gateway, services, dashboard, servers), and any the script adds: a test or ./run.sh
# using them would be measured too.
platform_ports_free() { # [extra ports…]
  local port
  for port in 8080 5180 5181 5182 5183 5184 5185 18888 15432 15672 16379 "$@"; do
    if ss -Hltn "sport = :$port" | grep -q .; then
      die "port $port is in use (./run.sh, a test run or another bench?): stop it first; the bench needs the platform's default ports"
    fi
  done
}

# A state folder below a new folder under /tmp (prefix $1); PostgreSQL runs as its own user and keeps its data
# below, so the folder is readable by others.
platform_workdir() { # prefix
  local dir
  dir=$(mktemp -d "/tmp/$1-XXXX")
  chmod 755 "$dir"
  echo "$dir"
}

# Starts the AppHost in the background (its pid in $apphost; the caller's environment reaches every service) and
# returns once the gateway's /health answers 200, that is every server and service is up.
platform_start() { # state-dir log-file
  Gateway__RateLimits__PublicPerMinute=100000000 Gateway__RateLimits__AuthenticatedPerMinute=100000000 \
    dotnet run --project AppHost -c Release --no-build --launch-profile http -- "--Tinjau:StateDirectory=$1" >"$2" 2>&1 &
  apphost=$!
  local deadline=$((SECONDS + 300))
  until curl -fsS -m 1 -o /dev/null http://localhost:8080/health 2>/dev/null; do
    kill -0 "$apphost" 2>/dev/null || { tail -30 "$2" >&2; die "the AppHost exited"; }
    ((SECONDS < deadline)) || die "the platform was not healthy within 300 s; see $2"
    sleep 0.2
  done
}

# Stops the AppHost started by platform_start, if any, and waits (up to 60 s) until DCP has stopped the servers and
# services after it, so that the ports are free for a next start.
platform_stop() {
  [[ -n "${apphost:-}" ]] || return 0
  kill -TERM "$apphost" 2>/dev/null || true
  wait "$apphost" 2>/dev/null || true
  apphost=""
  local deadline=$((SECONDS + 60))
  while ss -Hltn "( sport = :8080 or sport = :15432 or sport = :5182 )" | grep -q . && ((SECONDS < deadline)); do sleep 0.5; done
}

# The id of the registry's first unit (for the cached-read loads).
platform_first_unit() {
  curl -fsS "http://localhost:5181/api/units?page=1&pageSize=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])'
}
