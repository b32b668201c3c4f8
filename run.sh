#!/usr/bin/env bash
# Starts the whole Tinjau platform under .NET Aspire: DCP runs PostgreSQL, RabbitMQ and Redis (from the OS packages),
# every service and the gateway; the Aspire dashboard shows them. The gateway and portal answer on
# http://localhost:8080; the dashboard on http://localhost:18888 (its sign-in link is printed below).
# Ctrl+C (or SIGTERM) stops everything. Data stays in .state/.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/prerequisites.sh
ensure_prerequisites
ensure_browser   # Debian's chromium: the portal prints the berita acara PDF with it
echo "==> dotnet build (Release)"
dotnet build Platform.sln -c Release -nologo -clp:ErrorsOnly
echo "==> starting the AppHost: gateway http://localhost:8080, dashboard http://localhost:18888"
echo "    (sign in to the dashboard with the 'Login to the dashboard at …' link printed below)"
exec dotnet run --project AppHost -c Release --no-build --launch-profile http -- "$@"
