#!/usr/bin/env bash
# Complaint intake benchmark (not a test). Loopback targets only.
#
#   0. a warm-up (WARMUP, 20 s; not measured): the same load through the gateway, so the services' code is past the
#      JIT's first tiers (a cold Complaints.Api takes ~60 s of load to reach its steady rate on 2 cores);
#   1. wrk: POST /api/complaints (JSON, a new complaint each request) through the gateway, 32 connections, 30 s;
#   2. the same directly against the complaints service;
#   3. pgbench: single-row INSERTs into a scratch table on the same PostgreSQL, 32 clients, 30 s;
# then prints req/s, p50/p99 latency and the ratios gateway/direct and intake/raw-insert.
#
# Environment:
#   GATEWAY_URL    default http://localhost:8080
#   DIRECT_URL     the complaints service; default http://localhost:5182 (its port in the AppHost)
#   PG_CONNECTION  libpq URI/keywords or an Npgsql connection string (Host=…;Port=…;Username=…;Password=…;Database=…);
#                  default: $ConnectionStrings__complaintsdb, else the AppHost's PostgreSQL (port 15432, password in STATE_DIR/postgres)
#   DURATION (30s), WARMUP (20s; 0s for none), CONNECTIONS (32), THREADS (2)
#   RESULTS        a file that also gets the raw figures, one "gateway|direct|pgbench RESULT k=v …" line each (bench/run.sh)
#   DURING_DIRECT  a command run in the background while the direct load runs (bench/run.sh samples the processes)
#
# The gateway rate-limits anonymous intake (Gateway:RateLimits:PublicPerMinute); the non-2xx column shows how many
# requests it refused. For a throughput figure, run the platform with a high limit, e.g.
#   Gateway__RateLimits__PublicPerMinute=100000000 ./run.sh
set -euo pipefail

GATEWAY_URL=${GATEWAY_URL:-http://localhost:8080}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-20s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PG_CONNECTION=${PG_CONNECTION:-${ConnectionStrings__complaintsdb:-}}

die() { echo "complaints-intake: $*" >&2; exit 1; }
# The load tool comes from the OS packages, like the servers (scripts/prerequisites.sh).
. "$(dirname "$0")/../scripts/prerequisites.sh"
command -v wrk >/dev/null || apt_install wrk
for tool in wrk pgbench psql curl python3; do command -v "$tool" >/dev/null || die "$tool is not installed"; done

# Not given: the complaints service's port in the AppHost (its launch profile, behind DCP's proxy).
DIRECT_URL=${DIRECT_URL:-http://localhost:5182}
# Not given: the PostgreSQL the AppHost runs (its default port and the password generated into the state folder).
STATE_DIR=${STATE_DIR:-$(cd "$(dirname "$0")/.." && pwd)/.state}
if [[ -z "$PG_CONNECTION" && -f "$STATE_DIR/postgres/password" ]]; then
  PG_CONNECTION="Host=127.0.0.1;Port=${Tinjau__Ports__postgres:-15432};Username=postgres;Password=$(cat "$STATE_DIR/postgres/password");Database=complaintsdb"
fi
[[ -n "$PG_CONNECTION" ]] || die "PG_CONNECTION (or ConnectionStrings__complaintsdb, or a running AppHost's STATE_DIR) is required"

# Npgsql "Key=Value;…" → libpq keywords; libpq URIs/keywords pass through.
PG_LIBPQ=$(python3 - "$PG_CONNECTION" <<'PY'
import sys
s = sys.argv[1].strip()
if s.startswith(("postgres://", "postgresql://")) or ";" not in s and "=" in s and " " in s:
    print(s); sys.exit()
names = {"host": "host", "server": "host", "port": "port", "username": "user", "user id": "user", "userid": "user",
         "user": "user", "password": "password", "database": "dbname", "sslmode": "sslmode"}
out = []
for part in s.split(";"):
    if "=" not in part: continue
    k, v = part.split("=", 1)
    k = names.get(k.strip().lower())
    if k: out.append(f"{k}='" + v.strip().replace("\\", "\\\\").replace("'", "\\'") + "'")
print(" ".join(out))
PY
)
PG_HOST=$(python3 - "$PG_LIBPQ" <<'PY'
import sys, re, urllib.parse
s = sys.argv[1]
if s.startswith(("postgres://", "postgresql://")):
    print(urllib.parse.urlparse(s).hostname or "localhost")
else:
    m = re.search(r"host='?([^' ]+)", s); print(m.group(1) if m else "localhost")
PY
)

is_loopback() {
  case "$1" in localhost|127.*|::1|\[::1\]|/*) return 0 ;; *) return 1 ;; esac
}
url_host() { python3 -c 'import sys, urllib.parse; print(urllib.parse.urlparse(sys.argv[1]).hostname or "")' "$1"; }
for u in "$GATEWAY_URL" "$DIRECT_URL"; do is_loopback "$(url_host "$u")" || die "refusing non-loopback target $u"; done
is_loopback "$PG_HOST" || die "refusing non-loopback PostgreSQL host $PG_HOST"

work=$(mktemp -d)
table="bench_raw_insert_$$"
cleanup() {
  psql "$PG_LIBPQ" -qX -c "DROP TABLE IF EXISTS $table" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT


run_wrk() { # name url
  echo "==> wrk $1: $2/api/complaints, $CONNECTIONS connections, $DURATION" >&2
  curl -fsS -o /dev/null "$2/api/complaints/track/JKT-2222-22" -w '' 2>/dev/null || true
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$(dirname "$0")/intake.lua" "$2" > "$work/$1.txt"
  grep '^RESULT' "$work/$1.txt" || die "wrk $1 printed no result: $(cat "$work/$1.txt")"
}

if [[ "$WARMUP" != "0s" && "$WARMUP" != "0" ]]; then
  echo "==> warm-up: $GATEWAY_URL/api/complaints, $CONNECTIONS connections, $WARMUP (not measured)" >&2
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$(dirname "$0")/intake.lua" "$GATEWAY_URL" > "$work/warmup.txt" 2>&1 || true
fi
gateway=$(run_wrk gateway "$GATEWAY_URL")
during=""
if [[ -n "${DURING_DIRECT:-}" ]]; then bash -c "$DURING_DIRECT" & during=$!; fi
direct=$(run_wrk direct "$DIRECT_URL")
[[ -z "$during" ]] || wait "$during" || true

echo "==> pgbench: single-row INSERTs into $table, $CONNECTIONS clients, $DURATION" >&2
psql "$PG_LIBPQ" -qX -v ON_ERROR_STOP=1 -c "CREATE TABLE $table (id bigserial PRIMARY KEY, category text NOT NULL, description text NOT NULL, latitude double precision, longitude double precision, filed_at timestamptz NOT NULL DEFAULT now())" >/dev/null
cat > "$work/insert.sql" <<SQL
\set n random(1, 1000000)
INSERT INTO $table (category, description, latitude, longitude) VALUES ('jalan-rusak', 'Benchmark ' || :n || ': jalan berlubang dan genangan di depan rumah', -6.19 + random() * 0.02, 106.83 + random() * 0.02);
SQL
seconds=${DURATION%s}
( cd "$work" && pgbench "$PG_LIBPQ" -n -c "$CONNECTIONS" -j "$THREADS" -T "$seconds" -f insert.sql -l --log-prefix=pgb > pgbench.txt 2>&1 ) \
  || die "pgbench failed: $(cat "$work/pgbench.txt")"
raw=$(python3 - "$work" <<'PY'
import glob, re, sys
work = sys.argv[1]
text = open(f"{work}/pgbench.txt").read()
tps = re.search(r"tps = ([0-9.]+) \(without initial connection time\)", text) or re.search(r"tps = ([0-9.]+)", text)
lat = []
for f in glob.glob(f"{work}/pgb.*"):
    for line in open(f):
        parts = line.split()
        if len(parts) >= 3: lat.append(int(parts[2]) / 1000.0)
lat.sort()
pct = lambda p: lat[min(len(lat) - 1, int(round(p / 100 * len(lat))) )] if lat else float("nan")
print(f"RESULT tps={float(tps.group(1)) if tps else float('nan'):.1f} count={len(lat)} p50_ms={pct(50):.2f} p99_ms={pct(99):.2f}")
PY
)

[[ -z "${RESULTS:-}" ]] || printf 'gateway %s\ndirect %s\npgbench %s\n' "$gateway" "$direct" "$raw" > "$RESULTS"
python3 - "$gateway" "$direct" "$raw" "$GATEWAY_URL" "$DIRECT_URL" <<'PY'
import sys
def parse(line): return {k: float(v) for k, v in (p.split("=") for p in line.split()[1:])}
g, d, r = parse(sys.argv[1]), parse(sys.argv[2]), parse(sys.argv[3])
print()
print(f"{'target':<34} {'req/s':>10} {'2xx/s':>10} {'non-2xx':>9} {'p50 ms':>9} {'p99 ms':>9}")
print(f"{'gateway ' + sys.argv[4]:<34} {g['rps']:>10.1f} {g['ok_rps']:>10.1f} {int(g['non2xx']):>9} {g['p50_ms']:>9.2f} {g['p99_ms']:>9.2f}")
print(f"{'direct  ' + sys.argv[5]:<34} {d['rps']:>10.1f} {d['ok_rps']:>10.1f} {int(d['non2xx']):>9} {d['p50_ms']:>9.2f} {d['p99_ms']:>9.2f}")
print(f"{'pgbench single-row INSERT':<34} {r['tps']:>10.1f} {r['tps']:>10.1f} {0:>9} {r['p50_ms']:>9.2f} {r['p99_ms']:>9.2f}")
print()
div = lambda a, b: a / b if b else float("nan")
print(f"gateway/direct      throughput (2xx/s) {div(g['ok_rps'], d['ok_rps']):.3f}   p50 {div(g['p50_ms'], d['p50_ms']):.2f}x   p99 {div(g['p99_ms'], d['p99_ms']):.2f}x")
print(f"intake/raw-insert   throughput (direct 2xx/s ÷ pgbench tps) {div(d['ok_rps'], r['tps']):.3f}   p50 {div(d['p50_ms'], r['p50_ms']):.2f}x")
if g["non2xx"] > 0:
    print(f"note: the gateway refused {int(g['non2xx'])} requests (rate limit?): its throughput ratio counts 2xx only")
PY
