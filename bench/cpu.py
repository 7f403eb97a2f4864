"""Where the CPU goes during a benchmark run: the server's processes, PostgreSQL's, and the
load generator's own, from ``/proc`` (Linux only), next to how busy the whole machine was
(anything else running skews every figure).

On a 2-core machine shared by all three, "CPU ms per request" per component says which one a
throughput figure is bound by.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _stat(pid: int) -> tuple[str, int, int] | None:
    """(comm, parent pid, utime + stime in ticks), or None if the process is gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    comm = raw[raw.index("(") + 1 : raw.rindex(")")]
    fields = raw[raw.rindex(")") + 2 :].split()
    return comm, int(fields[1]), int(fields[11]) + int(fields[12])


def _all() -> dict[int, tuple[str, int, int]]:
    found = {}
    for entry in Path("/proc").iterdir() if Path("/proc").exists() else ():
        if entry.name.isdigit() and (stat := _stat(int(entry.name))) is not None:
            found[int(entry.name)] = stat
    return found


def _machine() -> tuple[float, float, float]:
    """(busy, interrupts, total) CPU seconds of the whole machine since boot."""
    try:
        fields = [int(v) for v in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    except OSError:
        return 0.0, 0.0, 0.0
    idle = fields[3] + fields[4]  # idle + iowait
    total = sum(fields[:8])
    return (total - idle) / _TICK, (fields[5] + fields[6]) / _TICK, total / _TICK


def _tree_seconds(procs: dict[int, tuple[str, int, int]], root: int) -> float:
    tree = {root}
    grew = True
    while grew:
        more = {pid for pid, (_, ppid, _) in procs.items() if ppid in tree} - tree
        tree |= more
        grew = bool(more)
    return sum(procs[p][2] for p in tree if p in procs) / _TICK


@dataclass
class CpuMeter:
    server_pid: int
    postmaster_pid: int
    others: dict[str, int] = field(default_factory=dict)  # more process trees, by name

    def snapshot(self) -> dict[str, float]:
        """CPU seconds used so far by: the server's process tree, the PostgreSQL server's
        (its backends live as long as the pools' connections), and this process."""
        procs = _all()
        times = os.times()
        busy, interrupts, total = _machine()
        return {
            "server": _tree_seconds(procs, self.server_pid),
            "postgres": _tree_seconds(procs, self.postmaster_pid),
            **{name: _tree_seconds(procs, pid) for name, pid in self.others.items()},
            "client": times.user + times.system,
            "_machine_busy": busy,
            "_machine_irq": interrupts,
            "_machine_total": total,
        }

    @staticmethod
    def line(before: dict[str, float], after: dict[str, float], requests: int, wall: float) -> str:
        if not before or requests == 0:
            return ""
        used = {k: after[k] - before[k] for k in before}
        cores = os.cpu_count() or 1
        ours = {k: v for k, v in used.items() if not k.startswith("_")}
        per = ", ".join(f"{k} {v * 1000 / requests:.2f}" for k, v in ours.items())
        busy = sum(ours.values()) / (wall * cores)
        total = used["_machine_total"] or 1
        machine, irq = used["_machine_busy"] / total, used["_machine_irq"] / total
        return (
            f"    CPU ms per request: {per}; these use {busy:.0%} of {cores} cores; "
            f"the whole machine is {machine:.0%} busy ({irq:.0%} in interrupts: loopback, disk)"
        )
