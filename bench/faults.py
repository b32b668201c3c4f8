"""The fault campaign behind bench/faults.sh (not a test; loopback only, bounded).

For each fault: a kelurahan of its own, complaint intake through the gateway from WORKERS clients (each retrying its
own submission with the same Idempotency-Key on a 503 or a dropped connection, as the portal does), the process
killed with SIGKILL after LEAD seconds, the load kept up for LOAD seconds in all, then a wait until the registry's
figures have caught up. Printed per fault: sent / accepted / stored / delivered / lost / duplicated / other 5xx /
503 answers / time to recover (from the kill until the process runs again and a complaint is accepted) / time until
the events flow again (from the kill until the registry's count of the kelurahan's complaints grows again: for the
broker, the time it is down plus the consumers' reconnect).
"""
import json, os, random, signal, socket, subprocess, sys, threading, time, uuid
import http.client, urllib.parse

GATEWAY = urllib.parse.urlparse(os.environ.get("GATEWAY_URL", "http://localhost:8080"))
STATE = os.environ["STATE_DIR"]
PG_PORT = os.environ.get("PG_PORT", "15432")
PG_PASSWORD = open(os.path.join(STATE, "postgres", "password")).read().strip()
WORKERS = int(os.environ.get("WORKERS", "6"))
LEAD, LOAD, SETTLE = float(os.environ.get("LEAD", "5")), float(os.environ.get("LOAD", "40")), float(os.environ.get("SETTLE", "120"))
FAULTS = os.environ.get("FAULTS", "messaging postgres cache unitregistry complaints evaluations inspections identity gateway").split()
# The servers' own ports (AppHost/Hosting/*BuilderExtensions.DefaultPort), for "port back".
SERVER_PORTS = {"messaging": 15672, "postgres": 15432, "cache": 16379}


def request(method, path, body=None, headers=None, timeout=10):
    conn = http.client.HTTPConnection(GATEWAY.hostname, GATEWAY.port or 80, timeout=timeout)
    try:
        data = None if body is None else (body if isinstance(body, (bytes, str)) else json.dumps(body))
        conn.request(method, path, body=data, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def sql(database, query):
    env = dict(os.environ, PGPASSWORD=PG_PASSWORD)
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-p", PG_PORT, "-U", "postgres", "-d", database, "-tAc", query],
                         env=env, capture_output=True, text=True)
    return out.stdout.strip() if out.returncode == 0 else None


def admin_token():
    form = urllib.parse.urlencode({"grant_type": "password", "client_id": "tinjau-cli", "username": "admin@tinjau.local",
                                   "password": "Tinjau!Demo2026", "scope": "unitregistry"})
    status, body = request("POST", "/connect/token", form, {"Content-Type": "application/x-www-form-urlencoded"})
    if status != 200:
        sys.exit(f"faults: no admin token ({status})")
    return json.loads(body)["access_token"]


def own_kelurahan(token, n):
    status, body = request("GET", "/api/units/by-code/31.71.04")
    parent = json.loads(body)["id"]
    # The city's south-east corner, more than 3 km from every seeded kelurahan: complaints here are routed to this one.
    lat, lon = -6.2275 + n * 0.0004, 106.8845 - n * 0.0004
    unit = {"code": f"31.71.04.{random.randint(9000, 9999)}", "name": f"Kelurahan Uji Gangguan {uuid.uuid4().hex[:8]}",
            "type": "kelurahan", "parentId": parent, "location": {"latitude": lat, "longitude": lon}, "timeZone": "WIB"}
    status, body = request("POST", "/api/units", unit, {"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    if status != 201:
        sys.exit(f"faults: could not create a kelurahan ({status} {body[:200]!r})")
    created = json.loads(body)["id"]
    # Intake locates from its own copy of the kelurahan, fed by the registry's events: wait until the new one is in it
    # (a probe complaint routed there), or the first complaints could go to the previous fault's kelurahan 60 m away.
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        probe = {"category": "fasilitas-umum", "description": f"faults-probe {uuid.uuid4().hex[:8]}", "latitude": lat, "longitude": lon}
        status, answer = request("POST", "/api/complaints", probe, {"Content-Type": "application/json"})
        if status == 201 and (json.loads(answer).get("unit") or {}).get("id") == created:
            return created, lat, lon
        time.sleep(0.2)
    sys.exit("faults: complaints at the new kelurahan are not routed to it within 30 s")


def pids_of(fault):
    """The process to kill for a resource: the server itself, or the service's own process (not `dotnet run`)."""
    if fault == "postgres":
        try:
            return [int(open(os.path.join(STATE, "postgres", "data", "postmaster.pid")).readline())]
        except OSError:
            return []
    pattern = {
        "messaging": f"beam.smp.*{STATE}/messaging",
        "cache": f"redis-server.*",
    }.get(fault)
    if pattern is None:
        name = {"unitregistry": "UnitRegistry", "complaints": "Complaints", "evaluations": "Evaluations",
                "inspections": "Inspections", "identity": "Identity", "gateway": "Gateway"}[fault]
        pattern = f"bin/Release/net10.0/Tinjau.{name}(\\.Api)?( |$|\\.dll)"
    out = subprocess.run(["pgrep", "-f", pattern], capture_output=True, text=True).stdout.split()
    mine = [int(p) for p in out if int(p) != os.getpid()]
    if fault == "cache":
        mine = [p for p in mine if runs_in_state(p)]
    return mine


def runs_in_state(pid):
    """Whether the process names this run's state folder or works below it; false for one that has exited meanwhile."""
    try:
        return (STATE in open(f"/proc/{pid}/cmdline").read().replace("\0", " ")
                or os.path.join(STATE, "cache") in os.readlink(f"/proc/{pid}/cwd"))
    except OSError:
        return False


def campaign(fault, token, n):
    unit, lat, lon = own_kelurahan(token, n)
    marker = f"faults-{fault}-{uuid.uuid4().hex[:8]}"
    stats = {"sent": 0, "accepted": 0, "other5xx": 0, "503": 0}
    accepted = set()
    lock = threading.Lock()
    start = time.monotonic()
    stop_at = start + LOAD
    first_ok_after = {"t": None}
    killed = {"t": None, "pid": None}

    def worker(w):
        i = 0
        while time.monotonic() < stop_at:
            i += 1
            key = str(uuid.uuid4())
            body = {"category": "fasilitas-umum", "description": f"{marker} {w}-{i}", "latitude": lat, "longitude": lon}
            with lock:
                stats["sent"] += 1
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                try:
                    status, answer = request("POST", "/api/complaints", body,
                                             {"Content-Type": "application/json", "Idempotency-Key": key}, timeout=15)
                except OSError:
                    time.sleep(0.5)
                    continue
                if status == 201:
                    with lock:
                        stats["accepted"] += 1
                        accepted.add(json.loads(answer)["trackingNumber"])
                        if killed["t"] is not None and first_ok_after["t"] is None and set(pids_of(fault)) - set(killed["pid"]):
                            first_ok_after["t"] = time.monotonic()
                    break
                kind = "503" if status == 503 else "other5xx" if status >= 500 else "4xx"
                with lock:
                    stats[kind] = stats.get(kind, 0) + 1
                time.sleep(0.5 if status >= 500 else 0)
                if status < 500:
                    break

    flowing = {"t": None}
    back = {"t": None}
    port = SERVER_PORTS.get(fault)

    def watch_port():
        # A server is back when its port accepts a connection again (its listener died with it).
        while killed["t"] is None:
            time.sleep(0.05)
        down = False
        while time.monotonic() < stop_at + SETTLE and back["t"] is None:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                if down:
                    back["t"] = time.monotonic()
                else:
                    time.sleep(0.02)  # the listener closes a moment after SIGKILL returns
            except OSError:
                down = True
                time.sleep(0.1)

    def received():
        value = sql("unitregistrydb", f"SELECT coalesce((SELECT received FROM unit_complaint_stats WHERE unit_id = '{unit}'), 0)")
        return int(value) if value else None

    def watch_events():
        # From the kill on: the first time the registry's count grows past what it was when the process was killed.
        while killed["t"] is None:
            time.sleep(0.05)
        at_kill = received()
        while time.monotonic() < stop_at + SETTLE and flowing["t"] is None:
            now = received()
            if at_kill is None:
                at_kill = now
            elif now is not None and now > at_kill:
                flowing["t"] = time.monotonic()
            time.sleep(0.2)

    threads = [threading.Thread(target=worker, args=(w,), daemon=True) for w in range(WORKERS)]
    watcher = threading.Thread(target=watch_events, daemon=True)
    watcher.start()
    porter = threading.Thread(target=watch_port, daemon=True)
    if port:
        porter.start()
    for t in threads:
        t.start()
    time.sleep(LEAD)
    targets = pids_of(fault)
    if not targets:
        print(f"faults: no process found for {fault}", file=sys.stderr)
    for pid in targets:
        os.kill(pid, signal.SIGKILL)
    killed["t"], killed["pid"] = time.monotonic(), targets
    for t in threads:
        t.join()

    # Stored: every accepted complaint is in complaintsdb; delivered: the registry's count of routed complaints, less
    # the probe that own_kelurahan filed there before the load (the registry counts it too).
    settle_until = time.monotonic() + SETTLE
    stored = delivered = None
    while time.monotonic() < settle_until:
        stored = sql("complaintsdb", f"SELECT count(*) FROM complaints WHERE \"Description\" LIKE '{marker} %'")
        routed = sql("complaintsdb", f"SELECT count(*) FROM complaints WHERE \"Description\" LIKE '{marker} %' AND \"UnitId\" = '{unit}'")
        probes = sql("complaintsdb", f"SELECT count(*) FROM complaints WHERE \"Description\" LIKE 'faults-probe %' AND \"UnitId\" = '{unit}'")
        counted = received()
        delivered = counted - int(probes) if None not in (counted, probes) else None
        pending = sql("complaintsdb", "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL")
        if None not in (stored, routed, delivered, pending) and delivered >= int(routed) and pending == "0":
            break
        time.sleep(1)
    stored, routed, delivered = int(stored or 0), int(routed or 0), int(delivered or 0)
    distinct = int(sql("complaintsdb", f"SELECT count(DISTINCT \"Description\") FROM complaints WHERE \"Description\" LIKE '{marker} %'") or 0)
    recover = f"{first_ok_after['t'] - killed['t']:.1f} s" if first_ok_after["t"] and killed["t"] else "not seen"
    watcher.join(timeout=1)
    events = f"{flowing['t'] - killed['t']:.1f} s" if flowing["t"] and killed["t"] else "not seen"
    # For a server: from its port answering again until the figures move (the consumers' reconnect, not its boot).
    since_back = flowing["t"] - back["t"] if flowing["t"] and back["t"] else None
    events_after = f"{max(0.0, since_back):.1f} s" if since_back is not None else "–"
    server_back = f"{back['t'] - killed['t']:.1f} s" if back["t"] and killed["t"] else "–"
    return {
        "fault": fault, "sent": stats["sent"], "accepted": len(accepted), "stored": stored, "delivered": delivered,
        "unrouted": stored - routed, "lost": max(0, len(accepted) - stored) + max(0, routed - delivered),
        "duplicated": (stored - distinct) + max(0, delivered - routed), "5xx": stats["other5xx"], "503": stats["503"],
        "recover": recover, "port back": server_back, "events flow": events, "flow after back": events_after,
    }


def main():
    token = admin_token()
    rows = []
    for n, fault in enumerate(FAULTS):
        print(f"faults: {fault} …", file=sys.stderr, flush=True)
        rows.append(campaign(fault, token, n))
        token = admin_token()
    columns = ["fault", "sent", "accepted", "stored", "delivered", "unrouted", "lost", "duplicated", "5xx", "503", "recover", "port back", "events flow", "flow after back"]
    print("| " + " | ".join(columns) + " |")
    print("|" + "---|" * len(columns))
    for row in rows:
        print("| " + " | ".join(str(row[c]) for c in columns) + " |")
    load = open("/proc/loadavg").read().split()[:3]
    print(f"\nload average {' '.join(load)}; {WORKERS} clients, kill after {LEAD:.0f} s, {LOAD:.0f} s of load per fault")
    sys.exit(1 if any(r["lost"] or r["duplicated"] or r["5xx"] for r in rows) else 0)


if __name__ == "__main__":
    main()
