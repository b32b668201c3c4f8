#!/usr/bin/env bash
# What tracing costs (a benchmark, not a test; loopback only, bounded). Starts the platform twice in Release as
# bench/run.sh does, on fresh state each time: first tracing every request (Telemetry:TraceSampleRatio 1, the
# default), then keeping a sample of the traces (RATIO, default 0.05). Each time: the cached GET /api/units/{id}
# through the gateway and direct, and complaint intake through the gateway and direct, 32 connections. Prints one
# table with each figure at both settings and the ratios: sampled ÷ every trace, and gateway ÷ direct at each.
# Usage: flock /tmp/tinjau-build.lock bench/sampling.sh   (the platform's default ports must be free)
# Environment: RATIO (0.05), DURATION (15s per run), CONNECTIONS (32), THREADS (2).
set -euo pipefail
cd "$(dirname "$0")/.."
RATIO=${RATIO:-0.05}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
GATEWAY=http://localhost:8080
COMPLAINTS=http://localhost:5182
REGISTRY=http://localhost:5181

die() { echo "sampling: $*" >&2; exit 1; }
. scripts/prerequisites.sh
command -v wrk >/dev/null || apt_install wrk
for tool in wrk curl python3 ss; do command -v "$tool" >/dev/null || die "$tool is not installed"; done
. bench/platform.sh
platform_ports_free

echo "==> dotnet build Platform.sln (Release)" >&2
dotnet build Platform.sln -c Release -nologo -clp:ErrorsOnly >/dev/null

work=$(platform_workdir tinjau-sampling)
apphost=""
trap 'platform_stop; rm -rf "$work"' EXIT

measure() { # setting ratio
  local setting=$1 ratio=$2
  local state="$work/$setting"
  mkdir -p "$state"
  echo "==> platform with Telemetry:TraceSampleRatio=$ratio" >&2
  Telemetry__TraceSampleRatio="$ratio" platform_start "$state" "$work/$setting.log"
  local unit
  unit=$(platform_first_unit)
  curl -fsS -o /dev/null "$GATEWAY/api/units/$unit"
  # An unmeasured warm-up of both paths (JIT, connection pools, caches).
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s bench/read.lua "$GATEWAY/api/units/$unit" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s bench/intake.lua "$GATEWAY" >/dev/null
  for target in "read-gateway $GATEWAY/api/units/$unit read" "read-direct $REGISTRY/api/units/$unit read" \
                "intake-gateway $GATEWAY intake" "intake-direct $COMPLAINTS intake"; do
    set -- $target
    echo "    wrk $1, $CONNECTIONS connections, $DURATION" >&2
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "bench/$3.lua" "$2" | grep '^RESULT' | sed "s/^/$1 /"
  done > "$work/$setting.txt"
  platform_stop
}

measure every 1
measure sampled "$RATIO"

python3 - "$work" "$RATIO" "$CONNECTIONS" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY'
import sys
sys.path.insert(0, "bench")
from results import parse
work, ratio, conns, load = sys.argv[1:]
every, sampled = parse(f"{work}/every.txt"), parse(f"{work}/sampled.txt")
fig = lambda r: f"{r['ok_rps']:,.0f} req/s, p99 {r['p99_ms']:.1f} ms" + (f", {int(r['non2xx'])} non-2xx" if r.get("non2xx") else "")
print(f"\nbench/sampling.sh — {conns} connections, Telemetry:TraceSampleRatio 1 vs {ratio}; load average after {load}\n")
print(f"| measure | every trace | {ratio} of the traces | sampled ÷ every |")
print("|---|---|---|---|")
for name, what in (("read-gateway", "cached GET /api/units/{id} through the gateway"), ("read-direct", "the same direct"),
                   ("intake-gateway", "intake through the gateway"), ("intake-direct", "intake direct")):
    e, s = every[name], sampled[name]
    print(f"| {what} | {fig(e)} | {fig(s)} | {s['ok_rps'] / e['ok_rps']:.2f} |")
for kind in ("read", "intake"):
    e = every[f"{kind}-gateway"]["ok_rps"] / every[f"{kind}-direct"]["ok_rps"]
    s = sampled[f"{kind}-gateway"]["ok_rps"] / sampled[f"{kind}-direct"]["ok_rps"]
    print(f"| {kind}: gateway ÷ direct | {e:.2f} | {s:.2f} | |")
PY
