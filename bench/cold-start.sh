#!/usr/bin/env bash
# Measures the AppHost's start as ./run.sh does it (Release, the "http" launch profile, the real dashboard): from
# launching it to every resource healthy (the gateway's /health answers 200: it waits for every server and service),
# first with an empty state folder (initdb, RabbitMQ's first boot, migrations, demo data), then again on the same
# state, and how long SIGTERM takes to leave no process behind.
# Usage: bench/cold-start.sh [runs]   (needs the default ports free: stop ./run.sh first; state goes to /tmp)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-1}
dotnet build AppHost/AppHost.csproj -c Release -nologo -clp:ErrorsOnly >/dev/null
curl -fsS -m 1 -o /dev/null http://localhost:8080/health 2>/dev/null && { echo "cold-start: port 8080 is in use (is ./run.sh running?)" >&2; exit 1; }

start_and_wait() { # $1 state dir; prints "pid seconds-to-healthy"
  local state=$1 t0 pid
  t0=$(date +%s.%N)
  dotnet run --project AppHost -c Release --no-build --launch-profile http -- "--Tinjau:StateDirectory=$state" >"$state.log" 2>&1 &
  pid=$!
  until curl -fsS -m 1 -o /dev/null http://localhost:8080/health 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "AppHost exited; see $state.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "$pid $(awk -v a="$(date +%s.%N)" -v b="$t0" 'BEGIN{print a-b}')"
}

stop_and_wait() { # $1 pid, $2 state dir; prints seconds until no process of the run is left
  local t0; t0=$(date +%s.%N)
  kill -TERM "$1"
  while kill -0 "$1" 2>/dev/null || pgrep -f "$2" >/dev/null; do sleep 0.05; done
  awk -v a="$(date +%s.%N)" -v b="$t0" 'BEGIN{print a-b}'
}

for i in $(seq 1 "$runs"); do
  state=$(mktemp -d /tmp/tinjau-bench-XXXX)
  chmod 755 "$state"
  read -r pid cold < <(start_and_wait "$state")
  stop1=$(stop_and_wait "$pid" "$state")
  read -r pid warm < <(start_and_wait "$state")
  stop2=$(stop_and_wait "$pid" "$state")
  left=$(pgrep -f "$state" | wc -l || true)
  printf 'run %d: cold start to all healthy %.1f s; restart on kept state %.1f s; stop %.1f s / %.1f s; processes left %d\n' \
    "$i" "$cold" "$warm" "$stop1" "$stop2" "$left"
  grep -c "database system was not properly shut down" "$state.log" >/dev/null && echo "  PostgreSQL was not shut down cleanly (see $state.log)"
  rm -rf "$state" "$state.log"
done
