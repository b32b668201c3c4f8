#!/usr/bin/env bash
# Runs every test: unit tests, integration tests against real PostgreSQL, RabbitMQ and Redis (started by
# Aspire.Hosting.Testing on free ports) and end-to-end tests through the gateway of the whole AppHost.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/prerequisites.sh
ensure_prerequisites
ensure_browser   # Debian's chromium for the portal's browser tests (Playwright drives it; no browser download)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "==> dotnet build (Debug)"
dotnet build Platform.sln -c Debug -nologo -clp:ErrorsOnly
echo "==> dotnet format whitespace --verify-no-changes"
dotnet format whitespace Platform.sln --verify-no-changes \
  || { echo "error: formatting differs; run 'dotnet format whitespace Platform.sln'" >&2; exit 1; }
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
    summary = ET.parse(f).getroot().find(".//{*}ResultSummary")
    c = summary.find("{*}Counters") if summary is not None else None
    if c is None: continue
    run_failed = int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    # A test host that crashed or a run that was aborted is a failure even when no single test failed.
    if run_failed == 0 and summary.get("outcome") not in ("Completed", "Passed", "Warning"):
        run_failed = 1
    passed += int(c.get("passed", 0)); failed += run_failed
    skipped += int(c.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
rm -rf "$results"
exit $status
