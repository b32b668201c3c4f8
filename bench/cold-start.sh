#!/usr/bin/env bash
# Measures the AppHost's start: from launching it to every resource healthy (apphost.json says "ready": true),
# first with an empty state folder (initdb, RabbitMQ's first boot, migrations, demo data), then again on the
# same state (a second ./run.sh), and how long SIGTERM takes to leave no process behind.
# Usage: bench/cold-start.sh [runs]   (builds Release first; ports are random, nothing else is touched)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-1}
dotnet build AppHost/AppHost.csproj -c Release -nologo -clp:ErrorsOnly >/dev/null
apphost=AppHost/bin/Release/net10.0/Tinjau.AppHost.dll

start_and_wait() { # $1 state dir; prints seconds to healthy
  local state=$1 t0 pid
  rm -f "$state/apphost.json"
  t0=$(date +%s.%N)
  AppHost__RandomizePorts=true AppHost__StateDirectory="$state" dotnet "$apphost" >"$state/apphost.log" 2>&1 &
  pid=$!
  until grep -q '"ready": *true' "$state/apphost.json" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "AppHost exited; see $state/apphost.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "$pid $(awk -v a="$(date +%s.%N)" -v b="$t0" 'BEGIN{print a-b}')"
}

stop_and_wait() { # $1 pid; prints seconds until the AppHost has exited
  local t0; t0=$(date +%s.%N)
  kill -TERM "$1"; while kill -0 "$1" 2>/dev/null; do sleep 0.05; done
  awk -v a="$(date +%s.%N)" -v b="$t0" 'BEGIN{print a-b}'
}

for i in $(seq 1 "$runs"); do
  state=$(mktemp -d /tmp/tinjau-bench-XXXX)
  read -r pid cold < <(start_and_wait "$state")
  stop1=$(stop_and_wait "$pid")
  read -r pid warm < <(start_and_wait "$state")
  cp "$state/apphost.log" /tmp/tinjau-bench-last.log
  stop2=$(stop_and_wait "$pid")
  left=$(pgrep -f "$state" | wc -l || true)
  printf 'run %d: cold start to all healthy %.1f s; restart on kept state %.1f s; stop %.1f s / %.1f s; processes left %d\n' \
    "$i" "$cold" "$warm" "$stop1" "$stop2" "$left"
  rm -rf "$state"
done
