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
for tool in psql curl python3 pgrep ss; do command -v "$tool" >/dev/null || { echo "faults: $tool is not installed" >&2; exit 1; }; done
die() { echo "faults: $*" >&2; exit 1; }
. bench/platform.sh
platform_ports_free
dotnet build Platform.sln -c Release -nologo -clp:ErrorsOnly >/dev/null

state=$(platform_workdir tinjau-faults)
apphost=""
trap 'platform_stop; rm -rf "$state"' EXIT
platform_start "$state" "$state.log"
STATE_DIR=$state python3 bench/faults.py
