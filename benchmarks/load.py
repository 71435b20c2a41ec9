"""Load test for `newslint serve`: requests/s and p50/p99 latency at 1, 8 and 32 clients.

Starts the service on a free loopback port (or uses --url), then has N client
threads post a typical ~5 KB article to POST /v1/check over keep-alive
connections for a fixed time. Every answer is checked, so a fast wrong server
does not score.

    python benchmarks/load.py                 # 1, 8, 32 clients, 5 s each
    python benchmarks/load.py --clients 1 64 --seconds 10 --server-threads 16
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urlsplit

PARAGRAPHS = [
    "The district council approved the 2025 budget on Thursday evening after a debate that "
    "ran for more than six hours, with members arguing over how much of the money should go to "
    "schools and how much to the roads that flood every rainy season in the northern villages.",
    "Spending on schools rises by four percent, to 412 billion rupiah, while road maintenance "
    "keeps last year's allocation. The council's finance committee said the increase would pay "
    "for new classrooms in three sub-districts and for the salaries of 240 contract teachers.",
    "Opposition members said the plan did too little for drainage. \"Every year we promise the "
    "people of the north that the water will not come into their houses again, and every year "
    "we fail them,\" said one member, who asked the chair to reopen the infrastructure section.",
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
    errors: int
    seconds: float
    latencies: tuple[float, ...]

    @property
    def rps(self) -> float:
        return self.requests / self.seconds

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def service(threads: int) -> Iterator[str]:
    """The service in a subprocess on a free port, stopped however the run ends."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "newslint", "serve", "--port", str(port),
                             "--threads", str(threads)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(url + "/healthz", timeout=2):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def client(url: str, body: bytes, stop_at: float, latencies: list[float], errors: list[int],
           token: str | None) -> None:
    """One keep-alive connection posting the article until the deadline."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    try:
        while time.monotonic() < stop_at:
            start = time.perf_counter()
            conn.request("POST", "/v1/check", body, headers)
            response = conn.getresponse()
            answer = response.read()
            latencies.append(time.perf_counter() - start)
            # The article's one real defect must come back, or the answer does not count.
            if response.status != 200 or b"markup/widget-line" not in answer:
                errors.append(response.status)
    finally:
        conn.close()


def measure(url: str, clients: int, seconds: float, token: str | None) -> Run:
    body = json.dumps(ARTICLE).encode("utf-8")
    latencies: list[float] = []
    errors: list[int] = []
    stop_at = time.monotonic() + seconds
    threads = [threading.Thread(target=client, args=(url, body, stop_at, latencies, errors, token))
               for _ in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    return Run(clients, len(latencies), len(errors), elapsed, tuple(latencies))


def table(runs: list[Run], size: int) -> str:
    lines = [f"POST /v1/check, {size / 1000:.1f} KB article, keep-alive, {os.cpu_count()} CPUs",
             "",
             "| clients | requests | errors |  req/s | p50 ms | p99 ms |",
             "|--------:|---------:|-------:|-------:|-------:|-------:|"]
    for r in runs:
        lines.append(f"| {r.clients:>7} | {r.requests:>8} | {r.errors:>6} | {r.rps:>6.1f} "
                     f"| {r.percentile(0.50):>6.1f} | {r.percentile(0.99):>6.1f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument("--seconds", type=float, default=5.0, help="per concurrency level")
    parser.add_argument("--server-threads", type=int, default=8)
    parser.add_argument("--url", help="use a running service instead of starting one")
    parser.add_argument("--token", default=os.environ.get("NEWSLINT_TOKEN"))
    args = parser.parse_args(argv)
    size = len(json.dumps(ARTICLE).encode("utf-8"))

    def run_all(url: str) -> list[Run]:
        measure(url, 1, 1.0, args.token)  # warm up connections and caches
        return [measure(url, n, args.seconds, args.token) for n in args.clients]

    if args.url:
        runs = run_all(args.url)
    else:
        with service(args.server_threads) as url:
            runs = run_all(url)
    print(table(runs, size))
    return 1 if any(r.errors for r in runs) else 0


if __name__ == "__main__":
    sys.exit(main())
