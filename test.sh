#!/usr/bin/env bash
# Runs every test: unit tests, integration tests against real PostgreSQL, RabbitMQ and Redis (started by the
# test harness on free ports) and end-to-end tests through the gateway of a whole platform.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/prerequisites.sh
ensure_dotnet
ensure_servers
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "==> dotnet build (Debug)"
dotnet build Platform.sln -c Debug -nologo -clp:ErrorsOnly
results=$(mktemp -d)
echo "==> dotnet test"
status=0
dotnet test Platform.sln -c Debug --no-build --nologo \
  --logger "trx" --results-directory "$results" "$@" || status=$?
# One closing line for the whole suite, summed over every test project's results.
python3 - "$results" <<'PY' || true
import sys, glob, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find(".//{*}Counters")
    if c is None: continue
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    skipped += int(c.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
rm -rf "$results"
exit $status
