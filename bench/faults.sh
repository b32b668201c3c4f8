#!/usr/bin/env bash
# Fault campaign (not a test; loopback only, bounded): starts the platform as ./run.sh does (Release, the "http"
# launch profile) on a throw-away state folder with high rate limits, then, under a complaint load through the
# gateway, kills with SIGKILL in turn RabbitMQ, PostgreSQL, Redis and each service, and prints one row per fault:
# sent / accepted / stored / delivered / unrouted / lost / duplicated / 5xx (other than 503) / 503 answers / time to
# recover. Nothing is restarted by hand: the AppHost starts what crashed (AppHost/Hosting/CrashRestarts.cs).
# Usage: bench/faults.sh   (needs the default ports free: stop ./run.sh first)
# Environment: FAULTS="messaging postgres …" (default: all), WORKERS (6), LEAD (5 s before the kill), LOAD (40 s per
# fault), SETTLE (up to 120 s for the figures to catch up).
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in psql curl python3 pgrep; do command -v "$tool" >/dev/null || { echo "faults: $tool is not installed" >&2; exit 1; }; done
curl -fsS -m 1 -o /dev/null http://localhost:8080/health 2>/dev/null && { echo "faults: port 8080 is in use (is ./run.sh running?)" >&2; exit 1; }
dotnet build Platform.sln -c Release -nologo -clp:ErrorsOnly >/dev/null

state=$(mktemp -d /tmp/tinjau-faults-XXXX)
chmod 755 "$state"
Gateway__RateLimits__PublicPerMinute=100000000 Gateway__RateLimits__AuthenticatedPerMinute=100000000 \
  dotnet run --project AppHost -c Release --no-build --launch-profile http -- "--Tinjau:StateDirectory=$state" >"$state.log" 2>&1 &
apphost=$!
cleanup() { kill -TERM "$apphost" 2>/dev/null || true; wait "$apphost" 2>/dev/null || true; rm -rf "$state"; }
trap cleanup EXIT
until curl -fsS -m 1 -o /dev/null http://localhost:8080/health 2>/dev/null; do
  kill -0 "$apphost" 2>/dev/null || { echo "faults: the AppHost exited; see $state.log" >&2; exit 1; }
  sleep 0.5
done
STATE_DIR=$state python3 bench/faults.py
