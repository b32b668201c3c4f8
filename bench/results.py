"""Reads the lines that bench scripts collect: `<name> RESULT key=value …` (wrk's read.lua and intake.lua, pgbench)."""


def parse(path):
    """{name: {key: value}} for every line of the file at path."""
    out = {}
    for line in open(path):
        name, _, *pairs = line.split()
        out[name] = {k: float(v) for k, v in (p.split("=") for p in pairs)}
    return out
