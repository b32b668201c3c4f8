#!/usr/bin/env bash
# Flat cost as the data grows (not a test; loopback only). Against a running platform (bench/run.sh's, or ./run.sh's
# .state), measures the complaint reads and intake, grows complaintsdb to TARGET complaints, and measures them again:
#   - reads, direct to Complaints.Api as the demo admin: the list (newest first, and by running deadline), the
#     statistics, the probable duplicates, Open311 GET requests.json;
#   - intake, direct: bench/intake.lua (each complaint also runs the duplicate search "same category within 150 m");
#   - the query plans (EXPLAIN ANALYZE) of the SQL those endpoints run, on the grown table.
# Growing copies the complaints already there (the bench's own intake, or the demo data) with every row they own
# (reporter, history, statistics row): new ids and numbers (SEED-…), filed over the last three years with their
# deadlines shifted alike, those older than 60 days closed (Selesai), one in thirty flagged as a probable duplicate of
# the one before, points moved up to ~2.5 km. A database already at TARGET is reused as it is (seed once).
# Prints "GROWTH <name> key=value…" lines for bench/run.sh, then the plans.
# Environment: STATE_DIR (.state), COMPLAINTS (http://localhost:5182), GATEWAY (http://localhost:8080),
# TARGET (1000000), DURATION (10s per run), CONNECTIONS (16), THREADS (2).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
STATE_DIR=${STATE_DIR:-$here/../.state}
COMPLAINTS=${COMPLAINTS:-http://localhost:5182}
GATEWAY=${GATEWAY:-http://localhost:8080}
TARGET=${TARGET:-1000000}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}

die() { echo "growth: $*" >&2; exit 1; }
for tool in wrk psql curl python3; do command -v "$tool" >/dev/null || die "$tool is not installed"; done
[[ -f "$STATE_DIR/postgres/password" ]] || die "no platform state at $STATE_DIR (start ./run.sh, or set STATE_DIR)"
for u in "$COMPLAINTS" "$GATEWAY"; do
  case "$(python3 -c 'import sys, urllib.parse; print(urllib.parse.urlparse(sys.argv[1]).hostname or "")' "$u")" in
    localhost|127.*) ;; *) die "refusing non-loopback target $u" ;;
  esac
done
pg="host=127.0.0.1 port=${Tinjau__Ports__postgres:-15432} user=postgres dbname=complaintsdb password=$(cat "$STATE_DIR/postgres/password")"
sql() { psql "$pg" -qAtX -v ON_ERROR_STOP=1 "$@"; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
token=$(curl -fsS "$GATEWAY/connect/token" -d grant_type=password -d client_id=tinjau-cli -d username=admin@tinjau.local \
  --data-urlencode 'password=Tinjau!Demo2026' -d 'scope=complaints' | python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])')

reads=(
  "list /api/complaints?page=1&pageSize=20"
  "list-by-deadline /api/complaints?page=1&pageSize=20&order=due"
  "statistics /api/complaints/statistics"
  "duplicates /api/complaints/duplicates"
  "open311 /open311/v2/requests.json"
)
fields() { grep '^RESULT' | grep -o 'ok_rps=[^ ]*\|p50_ms=[^ ]*\|p99_ms=[^ ]*\|non2xx=[^ ]*' | tr '\n' ' '; }
measure() { # label
  local count
  count=$(sql -c "SELECT count(*) FROM complaints")
  for r in "${reads[@]}"; do
    local name=${r%% *} path=${r#* }
    curl -fsS -o /dev/null -H "Authorization: Bearer $token" "$COMPLAINTS$path" || die "GET $path failed"
    echo "GROWTH $1-$name complaints=$count $(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $token" \
      -s "$here/read.lua" "$COMPLAINTS$path" | fields)"
  done
  echo "GROWTH $1-intake complaints=$count $(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$here/intake.lua" "$COMPLAINTS" |
    fields)"
}

have=$(sql -c "SELECT count(*) FROM complaints")
if (( have < TARGET )); then
  (( have > 0 )) || die "complaintsdb has no complaint to copy: file some first (the bench's intake does)"
  measure small
  echo "==> growing complaintsdb from $have to $TARGET complaints" >&2
  t0=$(date +%s)
  sql -v missing=$((TARGET - have)) <<'SQL'
SET work_mem = '256MB';
-- One transaction: the service's workers (the SLA monitor) never see a complaint without its rows.
BEGIN;
CREATE TEMP TABLE tpl AS SELECT row_number() OVER (ORDER BY "FiledAt") AS rn, "Id" AS id, "FiledAt" AS filed FROM complaints;
CREATE TEMP TABLE seedmap AS
  SELECT m.*, lag(m.new_id) OVER (ORDER BY m.n) AS prev_id
  FROM (SELECT g AS n, gen_random_uuid() AS new_id, t.id AS old_id,
               now() - make_interval(secs => random() * 3 * 365 * 86400) - interval '1 hour' AS new_filed, t.filed AS old_filed,
               (random() - 0.5) * 0.045 AS dlat, (random() - 0.5) * 0.045 AS dlon
        FROM generate_series(1, :missing) g
        JOIN tpl t ON t.rn = g % (SELECT count(*) FROM tpl) + 1) m;
CREATE INDEX ON seedmap (old_id);
ANALYZE seedmap;
-- One INSERT … SELECT per table, its column list read from the catalogue so that it follows the migrations.
CREATE FUNCTION pg_temp.copy_rows(tbl text, overrides jsonb, key text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE cols text; exprs text;
BEGIN
  SELECT string_agg(format('%I', column_name), ', ' ORDER BY ordinal_position),
         string_agg(CASE
             WHEN overrides ? column_name THEN overrides ->> column_name
             WHEN data_type = 'timestamp with time zone' THEN format('c.%I + (m.new_filed - m.old_filed)', column_name)
             ELSE format('c.%I', column_name) END, ', ' ORDER BY ordinal_position)
    INTO cols, exprs
    FROM information_schema.columns WHERE table_schema = 'public' AND table_name = tbl AND is_generated = 'NEVER';
  EXECUTE format('INSERT INTO %I (%s) SELECT %s FROM %I c JOIN seedmap m ON m.old_id = c.%I', tbl, cols, exprs, tbl, key);
END $$;
SELECT pg_temp.copy_rows('complaints', jsonb_build_object(
  'Id', 'm.new_id',
  'TrackingNumber', $$'SEED-' || lpad(m.n::text, 9, '0')$$,
  'FiledAt', 'm.new_filed',
  'Status', $$CASE WHEN m.new_filed < now() - interval '60 days' THEN 'Selesai' ELSE c."Status" END$$,
  'ResolvedAt', $$CASE WHEN m.new_filed < now() - interval '60 days' THEN m.new_filed + interval '4 days' ELSE c."ResolvedAt" + (m.new_filed - m.old_filed) END$$,
  'ProbableDuplicateOfId', 'CASE WHEN m.n % 30 = 0 THEN m.prev_id END',
  'MergedIntoId', 'NULL',
  'Latitude', 'c."Latitude" + m.dlat',
  'Longitude', 'c."Longitude" + m.dlon'), 'Id');
SELECT pg_temp.copy_rows('complaint_reporters', jsonb_build_object('ComplaintId', 'm.new_id'), 'ComplaintId');
SELECT pg_temp.copy_rows('complaint_history', jsonb_build_object('Id', 'gen_random_uuid()', 'ComplaintId', 'm.new_id'), 'ComplaintId');
SELECT pg_temp.copy_rows('complaint_stats', jsonb_build_object(
  'ComplaintId', 'm.new_id',
  'FiledAt', 'm.new_filed',
  'Status', $$CASE WHEN m.new_filed < now() - interval '60 days' THEN 'Selesai' ELSE c."Status" END$$,
  'ResolvedAt', $$CASE WHEN m.new_filed < now() - interval '60 days' THEN m.new_filed + interval '4 days' ELSE c."ResolvedAt" + (m.new_filed - m.old_filed) END$$),
  'ComplaintId');
COMMIT;
SQL
  sql -c "VACUUM ANALYZE complaints" -c "VACUUM ANALYZE complaint_reporters" -c "VACUUM ANALYZE complaint_history" -c "VACUUM ANALYZE complaint_stats"
  echo "GROWTH seeding seconds=$(( $(date +%s) - t0 )) from=$have to=$(sql -c "SELECT count(*) FROM complaints")"
else
  echo "==> complaintsdb already holds $have complaints: reused" >&2
fi
measure grown

# The plans, on the grown table: the SQL the endpoints above run (as EF Core writes it, in short), with the values
# of a typical call. Each plan's last lines say which index answers it and how long it took.
year_start=$(date -u +%Y-01-01)
busiest=$(sql -c "SELECT \"UnitId\" FROM complaint_stats WHERE \"UnitId\" IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
cat > "$work/plans.sql" <<SQL
\\echo '--- list, newest first: the page and its count, counted up to 10,001 (admin, no filter)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT c.* FROM complaints c LEFT JOIN complaint_reporters r ON r."ComplaintId" = c."Id" ORDER BY c."FiledAt" DESC LIMIT 20;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM (SELECT 1 FROM complaints LIMIT 10001) t;
\\echo '--- list by running deadline (the stored RunningDeadline): city-wide, then the inbox of the unit with most complaints'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT c."Id" FROM complaints c ORDER BY c."RunningDeadline", c."FiledAt" DESC LIMIT 20;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT c."Id" FROM complaints c
  WHERE c."UnitId" = '$busiest'
  ORDER BY c."RunningDeadline", c."FiledAt" DESC LIMIT 20;
\\echo '--- statistics of this year (computed once a cache period)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT s."Status", count(*) FROM complaint_stats s WHERE s."FiledAt" >= '$year_start' GROUP BY s."Status";
\\echo '--- probable duplicates, newest first'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT c."Id" FROM complaints c WHERE c."ProbableDuplicateOfId" IS NOT NULL AND c."MergedIntoId" IS NULL
  AND c."Status" NOT IN ('Diarsipkan', 'Ditolak') ORDER BY c."FiledAt" DESC LIMIT 100;
\\echo '--- Open311 GET requests: public complaints of the last 90 days, newest first'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT c."Id" FROM complaints c WHERE NOT c."Confidential" AND c."FiledAt" >= now() - interval '90 days'
  ORDER BY c."FiledAt" DESC LIMIT 1000;
\\echo '--- intake: the duplicate search, same category within ~150 m in the last 14 days'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT c."Id" FROM complaints c WHERE c."Category" = 'sampah'
  AND c."Latitude" BETWEEN -6.1840 AND -6.1813 AND c."Longitude" BETWEEN 106.8398 AND 106.8426
  AND c."FiledAt" >= now() - interval '14 days' AND c."MergedIntoId" IS NULL ORDER BY c."FiledAt" LIMIT 50;
SQL
psql "$pg" -qX -f "$work/plans.sql"
