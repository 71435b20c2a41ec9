"""Load benchmark for `newslint serve --workers N`, driven by wrk (a compiled load generator).

Starts the service on a free loopback port, then runs wrk with `load.lua`, which
POSTs a ~5 KB article over keep-alive connections and checks every answer (status
200 and the article's one real finding), so a fast wrong server does not score.
Runs at 1 and 8 clients alternate, ROUNDS times; the report gives medians, the
per-round ratios against the targets, the machine's load (`uptime`) before and
after, and memory summed over every server process (front and workers).

    apt-get install -y wrk
    python benchmarks/load.py                       # 2 s warm-up, 5 rounds of 10 s per level
    python benchmarks/load.py --workers 2 --rounds 7 --seconds 15
    git archive main | tar -x -C /tmp/main-src && python benchmarks/load.py --against /tmp/main-src

With ``--against`` a second service, from another source tree, runs beside this
one and the runs alternate between them within each round, so that a change is
judged against the machine's load of the same minutes. The CPU columns are the
CPU time (user + system, from /proc) the front process, the worker processes
and wrk spent during the runs, per check: they vary much less with other
programs' load than the latencies do. "workers busy" is the workers' CPU time
over the run's wall time times the number of workers: near 100% at 8 clients
on a quiet machine when the workers never wait between checks.

Targets (issue 12): 8-client throughput >= 1.6x the 1-client throughput; p99 at
8 clients <= 5x the 1-client p50.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent

PARAGRAPHS = [
    "The district council approved the 2025 budget on Thursday evening after a debate that "
    "ran for more than six hours, with members arguing over how much of the money should go to "
    "schools and how much to the roads that flood every rainy season in the northern villages.",
    "Spending on schools rises by four percent, to 412 billion rupiah, while road maintenance "
    "keeps last year's allocation. The council's finance committee said the increase would pay "
    "for new classrooms in three sub-districts and for the salaries of 240 contract teachers.",
    'Opposition members said the plan did too little for drainage. "Every year we promise the '
    "people of the north that the water will not come into their houses again, and every year "
    'we fail them," said one member, who asked the chair to reopen the infrastructure section.',
    "The chair refused, saying the section had been agreed in committee in August and that "
    "reopening it would delay the whole budget past the deadline set by the provincial "
    "government, which must approve district budgets before the end of the year.",
    "Residents who spoke at the public session asked for more street lighting, for a health "
    "post in the village of Sukamaju, and for the council to publish its spending reports "
    "online each quarter rather than once a year, as it has done since 2019.",
    "The head of the finance committee said the reports would go online from January. She "
    "added that the council had asked the regional audit office to review last year's road "
    "contracts after residents complained that repaired roads broke up within months.",
    "The budget now goes to the provincial government for review. If it is approved, the "
    "first payments to schools and contractors would be made in February, the council said, "
    "and the new health post could open before the rainy season begins in November.",
    "Local business groups welcomed the decision to keep market fees unchanged for another "
    "year, while a teachers' union said the contract teachers' pay was still below the "
    "regional minimum wage and that it would raise the matter with the provincial assembly.",
    "The mayor, who attended the last hour of the session, told reporters that the district "
    "would apply for a national grant to rebuild the two bridges that were closed after the "
    "floods in March, and that a decision on the grant was expected before the end of October.",
    "Engineers from the public works office told the council that the older of the two bridges "
    "could not be repaired and would have to be replaced, at a cost they put at 38 billion "
    "rupiah, more than the district spends on all its roads in a normal year.",
    "Farmers' groups from the eastern sub-districts asked for the irrigation channels to be "
    "cleared before the planting season. The council agreed to move 2 billion rupiah from "
    "the contingency fund to the agriculture office for the work, which is due in October.",
    "A proposal to raise the local tax on hotel rooms from ten to twelve percent was withdrawn "
    "after the tourism office warned that it would drive visitors to neighbouring districts, "
    "where the rate is lower and where two large resorts opened this year.",
    "The council also approved a plan to digitise land records, which officials said would cut "
    "the time needed to register a plot from several months to a few weeks. The project will "
    "be paid for in part by a loan from a regional development bank.",
    "Civil society groups that monitor the council's work said they would study the final "
    "figures once they are published. They have asked in the past for the line items of the "
    "budget to be released in a format that can be searched and compared from year to year.",
    "Members voted 31 to 9 for the budget, with four abstentions. The nine members who voted "
    "against it said they supported most of the spending but could not accept the decision "
    "to leave drainage at last year's level while the cost of flood damage keeps rising.",
    "The session was the last before the council's recess. Members will return on 7 October, "
    "when they are due to debate a new regulation on waste collection that has been delayed "
    "twice this year because of disagreements over who should pay for new collection trucks.",
    "Police said the debate had passed peacefully. A small group of students who gathered "
    "outside the council building to call for cheaper public transport left after meeting two "
    "members of the transport committee, who promised to raise bus fares with the regional "
    "operator and to report back to the students before the end of the year.",
    "Share this",
]
ARTICLE = {
    "title": "Council approves the 2025 budget after a six-hour debate",
    "byline": "Jane Smith",
    "published_at": "2024-09-12T03:00:00Z",
    "body": "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS),
}


@dataclass(frozen=True, slots=True)
class Run:
    clients: int
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    wrong: int  # answers that were not a 200 with the expected finding, or socket errors
    cpu_front: float = 0.0  # CPU seconds (user + system) the front process spent in this run
    cpu_workers: float = 0.0  # ... the worker processes
    cpu_wrk: float = 0.0  # ... wrk itself, on the same cores

    @property
    def rps(self) -> float:
        return self.requests / self.seconds


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def service(workers: int | None, source: Path | None = None) -> Iterator[tuple[str, int]]:
    """The service in a subprocess on a free port: (url, pid), stopped however the run ends;
    from the newslint source tree ``source`` when given, else the one this Python imports."""
    port = free_port()
    extra = ["--workers", str(workers)] if workers else []
    env = dict(os.environ)
    if source is not None:
        env["PYTHONPATH"] = str(source.resolve())
    proc = subprocess.Popen(
        [sys.executable, "-m", "newslint", "serve", "--port", str(port), *extra],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=source,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(url + "/healthz", timeout=2):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.1)
        yield url, proc.pid
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def wrk(url: str, clients: int, seconds: float, body_file: Path, pid: int | None = None) -> Run:
    """One wrk run: ``clients`` keep-alive connections from one wrk thread, with the CPU time
    the server (front, workers) and wrk spent in it when the server's ``pid`` is given."""
    env = {**os.environ, "NEWSLINT_LOAD_BODY": str(body_file)}
    before = cpu_seconds(pid) if pid else (0.0, 0.0)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(
        [
            "wrk",
            "-t1",
            f"-c{clients}",
            f"-d{seconds:g}s",
            "--timeout",
            "30s",
            "-s",
            str(HERE / "load.lua"),
            url + "/v1/check",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    after = cpu_seconds(pid) if pid else (0.0, 0.0)
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    numbers = json.loads(out.strip().splitlines()[-1])
    return Run(
        clients,
        numbers["requests"],
        numbers["duration_us"] / 1e6,
        numbers["p50_us"] / 1000,
        numbers["p99_us"] / 1000,
        numbers["wrong"] + numbers["socket_errors"],
        after[0] - before[0],
        after[1] - before[1],
        used.ru_utime + used.ru_stime - children.ru_utime - children.ru_stime,
    )


def server_memory(pid: int) -> tuple[float, float, int]:
    """(RSS MiB, PSS MiB, process count) summed over the server and its workers (Linux)."""
    pids = [pid, *_children(pid)]
    rss = pss = 0
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1])
        except OSError:
            continue
    return rss / 1024, pss / 1024, len(pids)


def cpu_seconds(pid: int) -> tuple[float, float]:
    """CPU time (user + system) so far of the front process and of its live workers."""
    tick = os.sysconf("SC_CLK_TCK")

    def of(p: int) -> float:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / tick

    return of(pid), sum(of(c) for c in _children(pid))


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def report(
    runs: list[Run],
    levels: list[int],
    size: int,
    workers: str,
    loads: list[str],
    memory: list[tuple[float, float, int]],
) -> str:
    by_level = {n: [r for r in runs if r.clients == n] for n in levels}
    lines = [
        f"POST /v1/check, {size / 1000:.1f} KB article, keep-alive, wrk -t1, "
        f"{os.cpu_count()} CPUs, {workers} workers, {len(by_level[levels[0]])} alternating rounds",
        f"load before: {loads[0]}",
        f"load after:  {loads[1]}",
        "",
        "| clients | req/s (median) | p50 ms | p99 ms | wrong answers | CPU ms/check: front | workers | wrk "
        "| workers busy |",
        "|--------:|---------------:|-------:|-------:|--------------:|--------------------:|--------:|----:"
        "|-------------:|",
    ]
    for n, level in by_level.items():
        done = sum(r.requests for r in level) or 1
        busy = sum(r.cpu_workers for r in level) / (sum(r.seconds for r in level) * int(workers))
        lines.append(
            f"| {n:>7} | {statistics.median(r.rps for r in level):>14.1f} "
            f"| {statistics.median(r.p50_ms for r in level):>6.1f} "
            f"| {statistics.median(r.p99_ms for r in level):>6.1f} "
            f"| {sum(r.wrong for r in level):>13} "
            f"| {sum(r.cpu_front for r in level) / done * 1000:>19.3f} "
            f"| {sum(r.cpu_workers for r in level) / done * 1000:>7.2f} "
            f"| {sum(r.cpu_wrk for r in level) / done * 1000:>.3f} "
            f"| {busy:>12.0%} |"
        )
    if 1 in by_level and 8 in by_level:
        pairs = list(zip(by_level[1], by_level[8], strict=True))
        ratio = statistics.median(b.rps / a.rps for a, b in pairs)
        tail = statistics.median(b.p99_ms / a.p50_ms for a, b in pairs)
        lines += [
            "",
            f"8-client / 1-client throughput (median of per-round ratios): {ratio:.2f}x "
            f"(target >= 1.6x: {'met' if ratio >= 1.6 else 'NOT met'})",
            f"8-client p99 / 1-client p50 (median of per-round ratios): {tail:.2f}x "
            f"(target <= 5x: {'met' if tail <= 5 else 'NOT met'})",
        ]
    rss, pss, count = max(memory)
    lines.append(
        f"memory, all {count} server processes: {rss:.0f} MiB RSS, {pss:.0f} MiB PSS "
        "(largest sample, taken after each run)"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 8])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=10.0, help="per run")
    parser.add_argument("--workers", type=int, help="server workers (default: the server's own)")
    parser.add_argument(
        "--against",
        type=Path,
        metavar="DIR",
        help="also run the service from this newslint source tree (e.g. an export of main: "
        "git archive main | tar -x -C DIR), in the same rounds, alternating which goes first",
    )
    args = parser.parse_args(argv)
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (Debian: apt-get install -y wrk)")
    body = json.dumps(ARTICLE).encode("utf-8")
    names = ["this tree"] + ([f"{args.against}"] if args.against else [])
    with contextlib.ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        body_file = tmp / "article.json"
        body_file.write_bytes(body)
        servers = [stack.enter_context(service(args.workers))]
        if args.against:
            servers.append(stack.enter_context(service(args.workers, args.against)))
        for url, _ in servers:
            wrk(url, 2, 2, body_file)  # warm-up: connections, caches, every worker
        loads = [uptime()]
        runs: list[list[Run]] = [[] for _ in servers]
        memory: list[list[tuple[float, float, int]]] = [[] for _ in servers]
        for round_ in range(args.rounds):
            for n in args.clients:
                order = range(len(servers)) if round_ % 2 == 0 else reversed(range(len(servers)))
                for i in order:
                    url, pid = servers[i]
                    runs[i].append(wrk(url, n, args.seconds, body_file, pid))
                    memory[i].append(server_memory(pid))
        loads.append(uptime())
    for i, name in enumerate(names):
        workers = str(args.workers or memory[i][0][2] - 1)
        if len(names) > 1:
            print(f"== {name}")
        print(report(runs[i], args.clients, len(body), workers, loads, memory[i]))
    return 1 if any(r.wrong for server in runs for r in server) else 0


if __name__ == "__main__":
    sys.exit(main())
