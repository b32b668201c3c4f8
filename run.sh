#!/usr/bin/env bash
# Starts the whole Tinjau platform: PostgreSQL, RabbitMQ, Redis, every service and the gateway.
# The gateway answers on http://localhost:8080; Ctrl+C stops everything. Data stays in .state/.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/prerequisites.sh
ensure_dotnet
ensure_servers
echo "==> dotnet build (Release)"
dotnet build Platform.sln -c Release -nologo -clp:ErrorsOnly
exec dotnet AppHost/bin/Release/net10.0/Tinjau.AppHost.dll "$@"
