#!/usr/bin/env bash
# The performance benchmark (not a test; loopback only, bounded). Builds Release, starts the platform as ./run.sh does
# (the "http" launch profile, a throw-away state folder, rate limits high enough not to refuse the load), then in one
# run, side by side on this machine:
#   - cold start: launch to the gateway's /health answering 200 on fresh state (the tree is already built);
#   - RSS idle: the platform's processes (services, gateway, PostgreSQL, RabbitMQ, Redis), summed from /proc;
#   - intake: bench/complaints-intake.sh (gateway, direct, pgbench single-row INSERT), with RSS under load and CPU per
#     process sampled from /proc during the direct load, and dotnet-counters on Complaints.Api when it installs;
#   - cached read GET /api/units/{id}: gateway, direct, and nginx (Debian package, 1 worker, keep-alive upstream);
# and prints one table: figure, goal, ratio, met / not met, with the load average before and after.
#   - event lag: complaint filed (outbox) → the registry's figures updated (its inbox), over every complaint of the intake runs;
#   - growth: the complaint reads and intake before and after growing complaintsdb to 1,000,000 complaints, with the
#     query plans (bench/growth.sh);
# Usage: flock /tmp/tinjau-build.lock bench/run.sh   (the default ports must be free: it refuses to start otherwise)
# Environment: DURATION (30s per intake run), READ_DURATION (15s per read run), CONNECTIONS (32), THREADS (2).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
DURATION=${DURATION:-30s}
READ_DURATION=${READ_DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
GATEWAY=http://localhost:8080
COMPLAINTS=http://localhost:5182
REGISTRY=http://localhost:5181
NGINX_PORT=${NGINX_PORT:-18090}

die() { echo "bench: $*" >&2; exit 1; }
. scripts/prerequisites.sh
command -v wrk >/dev/null || apt_install wrk
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || apt_install nginx
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
for tool in wrk pgbench psql curl python3 ss; do command -v "$tool" >/dev/null || die "$tool is not installed"; done

. bench/platform.sh
platform_ports_free "$NGINX_PORT"

echo "==> dotnet build Platform.sln (Release)" >&2
dotnet build Platform.sln -c Release -nologo -clp:ErrorsOnly >/dev/null

work=$(platform_workdir tinjau-bench)
state="$work/state"
mkdir -p "$state"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
apphost=""
nginx_pid=""
cleanup() {
  [[ -z "$nginx_pid" ]] || kill "$nginx_pid" 2>/dev/null || true
  platform_stop
  rm -rf "$work"
}
trap cleanup EXIT

echo "==> starting the platform (Release, fresh state in $state)" >&2
t0=$(date +%s.%N)
platform_start "$state" "$work/apphost.log"
cold=$(awk -v a="$(date +%s.%N)" -v b="$t0" 'BEGIN{printf "%.1f", a-b}')
echo "    all healthy after $cold s" >&2

# The run's processes: below the AppHost, or (started detached by DCP) naming this tree, the state folder or Redis's port.
marks=("$root/" "$state" ":16379")
# Idle: let start-up work (demo data, first outbox sweeps) settle, then read the processes.
sleep 20
python3 bench/procs.py snapshot "$apphost" "${marks[@]}" > "$work/idle.json"
read -r idle_own idle_pss idle_all < <(python3 bench/procs.py rss "$work/idle.json")

# Intake. During the direct load: CPU per process over 20 s, and (when the tool installs) the runtime's counters.
complaints_pid=$(python3 - "$work/idle.json" <<'PY'
import json, sys
print(next((pid for pid, p in json.load(open(sys.argv[1]))["procs"].items() if p["role"] == "Complaints.Api"), ""))
PY
)
counters=""
if dotnet tool restore >/dev/null 2>&1 && dotnet tool run dotnet-counters --version >/dev/null 2>&1; then counters=yes; fi
pg_db() { echo "host=127.0.0.1 port=15432 user=postgres dbname=$1 password=$(cat "$state/postgres/password")"; }
pg=$(pg_db complaintsdb)
pgstat="SELECT xact_commit + xact_rollback, tup_inserted, tup_updated, tup_fetched FROM pg_stat_database WHERE datname = 'complaintsdb'"
cat > "$work/during.sh" <<SH
sleep 5
python3 "$root/bench/procs.py" snapshot "$apphost" ${marks[*]} > "$work/cpu0.json"
psql "$pg" -qAtX -F' ' -c "$pgstat" > "$work/pg0.txt"
if [ -n "$counters" ] && [ -n "$complaints_pid" ]; then
  (cd "$root" && timeout 40 dotnet tool run dotnet-counters collect -p "$complaints_pid" --format csv -o "$work/counters.csv" \
    --duration 00:00:00:15 --counters 'EventCounters\System.Runtime,EventCounters\Microsoft.AspNetCore.Hosting,EventCounters\System.Net.Http,EventCounters\Npgsql' >/dev/null 2>&1) &
fi
sleep 20
python3 "$root/bench/procs.py" snapshot "$apphost" ${marks[*]} > "$work/cpu1.json"
psql "$pg" -qAtX -F' ' -c "$pgstat" > "$work/pg1.txt"
wait
SH
python3 bench/procs.py watch 40 "$work/load.json" "$apphost" "${marks[@]}" &
watcher=$!
STATE_DIR="$state" GATEWAY_URL="$GATEWAY" DIRECT_URL="$COMPLAINTS" DURATION="$DURATION" CONNECTIONS="$CONNECTIONS" THREADS="$THREADS" \
  RESULTS="$work/intake.txt" DURING_DIRECT="bash $work/during.sh" bench/complaints-intake.sh >"$work/intake.out"
wait "$watcher" || true
read -r load_own load_pss load_all < <(python3 bench/procs.py rss "$work/load.json")
cpu=$(python3 bench/procs.py cpu "$work/cpu0.json" "$work/cpu1.json" 20)

# Event lag: each complaint filed (and routed to its kelurahan) during the intake runs → the registry's complaint
# figures updated (its consumer counts ComplaintRouted). The registry
# writes its inbox row in the transaction that updates the figures, and the outbox row's id is the message id, so the
# lag is inbox processed_at − outbox occurred_at, joined on that id. Read once the registry has caught up (≤ 60 s).
filed_sql="SELECT id, extract(epoch FROM occurred_at), extract(epoch FROM sent_at) FROM outbox_messages WHERE message_type LIKE 'Tinjau.Complaints.Contracts.ComplaintRouted,%'"
applied_sql="SELECT message_id, extract(epoch FROM processed_at) FROM inbox_messages WHERE consumer = 'unitregistry.complaint-stats'"
read_lag() {
  psql "$pg" -qAtX -F' ' -c "$filed_sql" > "$work/filed.txt"
  for _ in $(seq 60); do
    psql "$(pg_db unitregistrydb)" -qAtX -F' ' -c "$applied_sql" > "$work/applied.txt"
    python3 - "$work/filed.txt" "$work/applied.txt" <<'PY' && break
import sys
filed = {l.split()[0] for l in open(sys.argv[1]) if l.strip()}
applied = {l.split()[0] for l in open(sys.argv[2]) if l.strip()}
sys.exit(0 if filed <= applied else 1)
PY
    sleep 1
  done
}
read_lag
# The same lag at a light, steady load once the registry has caught up: 4 connections, each filing a complaint every
# 100 ms (~40 a second, far above a city's peak), direct. Beside the figure under full load it tells the pipeline's own
# latency from the time spent queueing for the two cores.
echo "==> light load: $COMPLAINTS/api/complaints, 4 connections, one complaint each 100 ms, 15s" >&2
light0=$(date +%s.%N)
INTAKE_DELAY_MS=100 wrk -t1 -c4 -d15s -s bench/intake.lua "$COMPLAINTS" > "$work/light.txt"
light1=$(date +%s.%N)
read_lag

# Cached read: one unit, asked again and again (the registry answers it from its cache).
unit=$(platform_first_unit)
mkdir -p "$work/nginx/logs"
cat > "$work/nginx/nginx.conf" <<NGINX
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
user root;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  upstream registry { server 127.0.0.1:5181; keepalive 64; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / { proxy_pass http://registry; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
NGINX
"$NGINX" -c "$work/nginx/nginx.conf" -p "$work/nginx" &
nginx_pid=$!
until curl -fsS -m 1 -o /dev/null "http://127.0.0.1:$NGINX_PORT/api/units/$unit" 2>/dev/null; do
  kill -0 "$nginx_pid" 2>/dev/null || die "nginx exited: $(cat "$work/nginx/logs/error.log")"
  sleep 0.1
done
read_run() { # name base-url
  echo "==> wrk cached read $1: $2/api/units/$unit, $CONNECTIONS connections, $READ_DURATION" >&2
  curl -fsS -o /dev/null "$2/api/units/$unit"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$READ_DURATION" --latency -s bench/read.lua "$2/api/units/$unit" | grep '^RESULT' | sed "s/^/$1 /"
}
{
  read_run gateway "$GATEWAY"
  read_run direct "$REGISTRY"
  read_run nginx "http://127.0.0.1:$NGINX_PORT"
} > "$work/read.txt"

# Growth: the complaint reads and intake on this run's data, then with 1,000,000 complaints stored (bench/growth.sh).
echo "==> growth to ${GROWTH_TARGET:-1000000} complaints (bench/growth.sh)" >&2
STATE_DIR="$state" COMPLAINTS="$COMPLAINTS" GATEWAY="$GATEWAY" TARGET="${GROWTH_TARGET:-1000000}" DURATION="$READ_DURATION" \
  bench/growth.sh > "$work/growth.txt" || echo "GROWTH failed" >> "$work/growth.txt"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

python3 - "$work" "$cold" "$idle_own" "$idle_pss" "$idle_all" "$load_own" "$load_pss" "$load_all" "$cpu" "$load_before" "$load_after" "$DURATION" "$READ_DURATION" "$CONNECTIONS" "$light0" "$light1" <<'PY'
import csv, os, sys
sys.path.insert(0, "bench")
from results import parse
work, cold, idle_own, idle_pss, idle_all, load_own, load_pss, load_all, cpu, la0, la1, dur, rdur, conns, light0, light1 = sys.argv[1:]
intake, read = parse(f"{work}/intake.txt"), parse(f"{work}/read.txt")
g, d, pg = intake["gateway"], intake["direct"], intake["pgbench"]
rg, rd, rn = read["gateway"], read["direct"], read["nginx"]
div = lambda a, b: a / b if b else float("nan")
rows = []
def row(what, figure, goal="", ratio="", met=""):
    rows.append((what, figure, goal, ratio, met))
def mark(ok): return "met" if ok else "NOT met"
fig = lambda r: f"{r['ok_rps']:,.0f} req/s, p50 {r['p50_ms']:.1f} ms, p99 {r['p99_ms']:.1f} ms" + (f", {int(r['non2xx'])} non-2xx" if r.get("non2xx") else "")
row("intake through the gateway", fig(g))
row("intake direct to Complaints.Api", fig(d), "p99 ≤ 50 ms", "", mark(d["p99_ms"] <= 50))
row("pgbench single-row INSERT, same PostgreSQL", f"{pg['tps']:,.0f} tps, p50 {pg['p50_ms']:.1f} ms, p99 {pg['p99_ms']:.1f} ms")
r = div(d["ok_rps"], pg["tps"]); row("intake ÷ raw insert (direct)", "", "≥ 0.20", f"{r:.3f}", mark(r >= 0.20))
r = div(g["ok_rps"], d["ok_rps"]); row("intake: gateway ÷ direct", "", "≥ 0.85", f"{r:.2f}", mark(r >= 0.85))
row("cached GET /api/units/{id} through the gateway", fig(rg))
row("the same direct to UnitRegistry.Api", fig(rd))
row("the same through nginx (1 worker, keep-alive upstream)", fig(rn))
rgd, rnd = div(rg["ok_rps"], rd["ok_rps"]), div(rn["ok_rps"], rd["ok_rps"])
row("cached read: gateway ÷ direct", "", "≥ 0.85 and ≥ nginx's", f"{rgd:.2f} (nginx {rnd:.2f})", mark(rgd >= 0.85 and rgd >= rnd))
row("platform RSS idle (services, gateway, PostgreSQL, RabbitMQ, Redis)", f"{float(idle_own):,.0f} MB (PSS {float(idle_pss):,.0f} MB; with AppHost, DCP, dashboard {float(idle_all):,.0f} MB)", "≤ 1,200 MB", "", mark(float(idle_own) <= 1200))
row("platform RSS under intake load (largest sample)", f"{float(load_own):,.0f} MB (PSS {float(load_pss):,.0f} MB; with AppHost, DCP, dashboard {float(load_all):,.0f} MB)", "≤ 1,600 MB", "", mark(float(load_own) <= 1600))
row("cold start to all healthy, built tree, fresh state", f"{float(cold):.1f} s", "≤ 20 s", "", mark(float(cold) <= 20))
filed = {l.split()[0]: l.split()[1:] for l in open(f"{work}/filed.txt") if l.strip()}
applied = dict(l.split() for l in open(f"{work}/applied.txt") if l.strip())
# Each event's lag, and when the broker's confirmation reached the dispatcher (sent_at is set then): raised → confirmed
# is the outbox's part (waiting for a pass, the publish and the broker's write); the consumer often applies an event
# before its confirmation arrives, so confirmed → applied can be negative.
def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]
def lag_row(what, light):
    lags, outbox = [], []
    for m, (occurred, *sent) in filed.items():
        if m in applied and (float(light0) <= float(occurred) <= float(light1)) == light:
            lags.append((float(applied[m]) - float(occurred)) * 1000)
            if sent:
                outbox.append((float(sent[0]) - float(occurred)) * 1000)
    if not lags:
        row(what, "no event applied", "p99 ≤ 250 ms", "", "NOT met")
        return
    confirmed = f"; raised → broker's confirmation p50 {pct(outbox, 0.5):,.0f} / p99 {pct(outbox, 0.99):,.0f} ms" if outbox else ""
    row(what, f"{len(lags):,} events: p50 {pct(lags, 0.5):,.0f} ms, p99 {pct(lags, 0.99):,.0f} ms, max {max(lags):,.0f} ms{confirmed}",
        "p99 ≤ 250 ms", "", mark(pct(lags, 0.99) <= 250))
lag_row(f"event lag under the intake load ({conns} connections): complaint filed and routed → registry's figures (outbox occurred_at → inbox processed_at)", False)
lag_row("event lag at a light load (4 connections, a complaint each 100 ms each)", True)
growth = {}
for line in open(f"{work}/growth.txt"):
    if line.startswith("GROWTH "):
        name, *pairs = line.split()[1:]
        growth[name] = {k: float(v) for k, v in (p.split("=") for p in pairs if "=" in p)}
gi, si = growth.get("grown-intake"), growth.get("small-intake")
if gi:
    n = int(gi.get("complaints", 0))
    if si:
        r = div(gi["ok_rps"], si["ok_rps"])
        row(f"intake direct, {n:,} complaints stored ÷ {int(si['complaints']):,}", f"{gi['ok_rps']:,.0f} vs {si['ok_rps']:,.0f} req/s, p99 {gi['p99_ms']:.1f} vs {si['p99_ms']:.1f} ms", "≥ 0.90", f"{r:.2f}", mark(r >= 0.90))
    for read in ("list", "list-by-deadline", "statistics", "duplicates", "open311"):
        g = growth.get(f"grown-{read}")
        sm = growth.get(f"small-{read}")
        if g:
            row(f"GET {read}, {n:,} complaints stored (direct, as admin)", fig(g) + (f"; with {int(sm['complaints']):,}: p99 {sm['p99_ms']:.1f} ms" if sm else ""), "p99 ≤ 50 ms", "", mark(g["p99_ms"] <= 50 and not g.get("non2xx")))
    if "seeding" in growth:
        row("seeding (copying this run's complaints with their rows)", f"{growth['seeding']['seconds']:.0f} s")
else:
    row("1,000,000 complaints stored: intake within 10 %, list/statistics/duplicates/Open311 p99", "bench/growth.sh failed (see its output below)", "within 10 %; p99 ≤ 50 ms", "", "NOT met")
row("CPU % of a core per process during the direct intake load (20 s)", cpu or "not sampled")
try:
    a = [float(x) for x in open(f"{work}/pg0.txt").read().split()]
    b = [float(x) for x in open(f"{work}/pg1.txt").read().split()]
    n = d["ok_rps"] * 20
    row("PostgreSQL per direct intake (pg_stat_database, same 20 s)", f"{(b[0]-a[0])/n:.1f} transactions, {(b[1]-a[1])/n:.1f} rows inserted, {(b[2]-a[2])/n:.1f} updated, {(b[3]-a[3])/n:.1f} fetched")
except (OSError, ValueError, IndexError):
    row("PostgreSQL per direct intake", "not sampled")
counters = f"{work}/counters.csv"
if os.path.exists(counters):
    sums = {}
    with open(counters) as f:
        for rec in csv.reader(f):
            if len(rec) >= 5:
                try: value = float(rec[4])
                except ValueError: continue  # the header
                sums.setdefault(f"{rec[1]}/{rec[2]}", []).append(value)
    means = {k: sum(v) / len(v) for k, v in sums.items()}
    with open(f"{work}/counters.txt", "w") as f:
        f.writelines(f"{k}: {v:,.2f}\n" for k, v in sorted(means.items()))
    def pick(*words):
        return next((v for k, v in means.items() if all(w in k.lower() for w in words)), None)
    req, cmds, calls = pick("hosting", "request rate"), pick("npgsql", "command", "rate"), pick("system.net.http", "requests started rate")
    per = lambda v: f"{v / req:.1f}" if v is not None and req else "?"
    picked = {"requests/s": req, "CPU %": pick("cpu usage"), "GC heap MB": pick("gc heap size"), "allocations MB/s": (pick("allocation rate") or 0) / 1e6,
              "thread-pool queue": pick("threadpool queue"), "SQL commands/s": cmds, "outgoing HTTP/s": calls}
    row("dotnet-counters on Complaints.Api during the direct load (15 s means)",
        ", ".join(f"{k} {v:,.1f}" for k, v in picked.items() if v is not None) + f"; per request: {per(cmds)} SQL commands, {per(calls)} outgoing HTTP calls")
w = max(len(r[0]) for r in rows)
print(f"\nbench/run.sh — {conns} connections, intake {dur} per run, reads {rdur} per run; load average before {la0}, after {la1}\n")
print("| measure | figure | goal | ratio | goal met |")
print("|---|---|---|---|---|")
for r in rows:
    print("| " + " | ".join(r) + " |")
PY
echo
echo "(raw intake output)"
cat "$work/intake.out"
echo; echo "(bench/growth.sh: the query plans on the grown table)"; grep -v '^GROWTH' "$work/growth.txt" || true
[[ ! -f "$work/counters.txt" ]] || { echo; echo "(dotnet-counters on Complaints.Api, means over 15 s of the direct load)"; cat "$work/counters.txt"; }
