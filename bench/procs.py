#!/usr/bin/env python3
"""The processes of one platform run, read from /proc (no EventPipe needed).

  procs.py snapshot ROOT_PID [MARK…]    one JSON line: every process of the run with its role, RSS, PSS and CPU ticks: below
                                        ROOT_PID, or whose command line holds a MARK (DCP starts services and servers detached),
                                        and their descendants; processes of no known role (the bench's own tools) are left out
  procs.py rss SNAPSHOT                 "own_rss_mb own_pss_mb all_rss_mb" (own = services, gateway, servers; all adds AppHost, DCP, dashboard)
  procs.py cpu BEFORE AFTER SECONDS     CPU % of a core per role between two snapshots, busiest first
  procs.py watch SECONDS OUT ROOT_PID [MARK…]  snapshots every second for SECONDS; writes the one with the largest own RSS to OUT
"""
import json
import os
import sys
import time

TICKS = os.sysconf("SC_CLK_TCK")
ORCHESTRATION = ("AppHost", "dcp", "Aspire.Dashboard")
SERVICES = ("Complaints.Api", "UnitRegistry.Api", "Identity.Api", "Inspections.Api", "Evaluations.Api", "Portal.Web", "Gateway")
KNOWN = SERVICES + ("postgres", "rabbitmq", "redis") + ORCHESTRATION


def role(cmdline):
    text = " ".join(cmdline)
    exe = os.path.basename(cmdline[0]) if cmdline else ""
    if exe.startswith("python") or exe in ("wrk", "bash", "sh", "timeout", "flock", "psql", "pgbench", "curl"):
        return exe
    for name in SERVICES:
        if name in text:
            return name
    if "postgres" in text:
        return "postgres"
    if "beam" in exe or "rabbit" in text or "epmd" in exe or "erl_child_setup" in exe or "inet_gethost" in exe:
        return "rabbitmq"
    if "redis" in exe:
        return "redis"
    if "Aspire.Dashboard" in text:
        return "Aspire.Dashboard"
    if "dcp" in exe:
        return "dcp"
    if "AppHost" in text:
        return "AppHost"
    return exe or "?"


def children():
    tree = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            tree.setdefault(ppid, []).append(int(pid))
        except (OSError, IndexError, ValueError):
            pass
    return tree


def cmdline_of(pid):
    with open(f"/proc/{pid}/cmdline", "rb") as f:
        return [p.decode(errors="replace") for p in f.read().split(b"\0") if p]


def snapshot(root, marks=()):
    tree, out, todo, seen = children(), {}, [root], set()
    for pid in os.listdir("/proc"):
        if pid.isdigit() and marks:
            try:
                text = " ".join(cmdline_of(pid))
            except OSError:
                continue
            if any(m in text for m in marks):
                todo.append(int(pid))
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        todo.extend(tree.get(pid, []))
        try:
            cmdline = cmdline_of(pid)
            if role(cmdline) not in KNOWN:
                continue
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            rss = pss = 0
            with open(f"/proc/{pid}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Rss:"):
                        rss = int(line.split()[1])
                    elif line.startswith("Pss:"):
                        pss = int(line.split()[1])
            out[pid] = {"role": role(cmdline), "rss_kb": rss, "pss_kb": pss, "ticks": int(fields[11]) + int(fields[12])}
        except (OSError, IndexError, ValueError):
            pass
    return {"at": time.time(), "procs": out}


def rss(snap):
    own = [p for p in snap["procs"].values() if p["role"] not in ORCHESTRATION]
    mb = lambda ps, k: sum(p[k] for p in ps) / 1024
    return mb(own, "rss_kb"), mb(own, "pss_kb"), mb(snap["procs"].values(), "rss_kb")


def cpu(before, after, seconds):
    by_role = {}
    for pid, p in after["procs"].items():
        prev = before["procs"].get(pid, {"ticks": 0})
        by_role[p["role"]] = by_role.get(p["role"], 0) + (p["ticks"] - prev["ticks"]) / TICKS / seconds * 100
    return sorted(by_role.items(), key=lambda kv: -kv[1])


def main():
    cmd = sys.argv[1]
    if cmd == "snapshot":
        print(json.dumps(snapshot(int(sys.argv[2]), sys.argv[3:])))
    elif cmd == "rss":
        print("%.0f %.0f %.0f" % rss(json.load(open(sys.argv[2]))))
    elif cmd == "cpu":
        before, after = json.load(open(sys.argv[2])), json.load(open(sys.argv[3]))
        print(" ".join(f"{r}={v:.0f}%" for r, v in cpu(before, after, float(sys.argv[4])) if v >= 1))
    elif cmd == "watch":
        seconds, target, root, marks, best = float(sys.argv[2]), sys.argv[3], int(sys.argv[4]), sys.argv[5:], None
        end = time.time() + seconds
        while time.time() < end:
            s = snapshot(root, marks)
            if best is None or rss(s)[0] > rss(best)[0]:
                best = s
            time.sleep(1)
        json.dump(best, open(target, "w"))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
