"""Fuzz every reader and ``lint_article`` with hostile drafts; count crashes, hangs and broken positions.

    python benchmarks/fuzz.py                    # 10,000 cases per target
    python benchmarks/fuzz.py --cases 2000 --lint --only html,markdown

Targets: the text, Markdown and HTML readers, the CMS readers (JSON, JSON
Lines, WordPress export), ``read_bytes`` (raw bytes through the bad-input
policy) and ``lint_article`` (the publish check: reader, rules, findings). The
drafts come from ``tests/strategies.py``: markup fragments, odd Unicode
(zero-width, bidi, NUL, surrogate-free astral), every line ending, long
lines and deep nesting. Each case must not raise, must give positions inside
its input, and must give the same findings twice (with ``--lint`` the
readers' documents are linted too). A case over ``--bound`` seconds is a hang;
it is interrupted with SIGALRM. Exit status 1 when any case crashed, hung or
broke a property.
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from strategies import any_draft, check_document, check_findings, deterministic, raw_bytes  # noqa: E402

from newslint import default_rules, lint_article  # noqa: E402
from newslint.engine import Options, lint_document  # noqa: E402
from newslint.errors import ArticleError  # noqa: E402
from newslint.readers import cms, html, markdown, read_bytes, text, wxr  # noqa: E402


class Hang(Exception):
    """A case ran past the time bound."""


@dataclass
class Tally:
    cases: int = 0
    crashes: int = 0
    violations: int = 0
    hangs: int = 0
    slowest: float = 0.0
    seconds: float = 0.0
    examples: list[str] = field(default_factory=list)


def _alarm(signum: int, frame: Any) -> None:
    raise Hang


def _lint(docs: list[Any]) -> list[Any]:
    findings = []
    for doc in docs:
        result = lint_document(doc, default_rules(), Options(language="en"))
        check_findings(result.findings, doc.source)
        findings.extend(result.findings)
    return findings


def reader_case(read: Callable[[str, str], Any], lint: bool) -> Callable[[Any], list[Any]]:
    def case(source: str) -> list[Any]:
        out = read(source, "draft")
        docs = out if isinstance(out, list) else [out]
        for doc in docs:
            check_document(doc)
        return _lint(docs) if lint else []

    return case


def bytes_case(lint: bool) -> Callable[[Any], list[Any]]:
    def case(value: tuple[bytes, str]) -> list[Any]:
        docs = read_bytes(*value)
        for doc in docs:
            check_document(doc)
        return _lint(docs) if lint else []

    return case


def article_case(value: tuple[str, str]) -> list[Any]:
    body, body_format = value
    if not body.strip():  # refused as a bad argument (ArticleError), as the HTTP check answers 400
        try:
            lint_article(body=body, body_format=body_format, language="en")
        except ArticleError:
            return []
        raise AssertionError("an empty body was linted instead of refused")
    result = lint_article(body=body, body_format=body_format, language="en")
    check_findings(result.findings, body.replace("\r\n", "\n").replace("\r", "\n"))
    return list(result.findings)


def targets(lint: bool) -> dict[str, tuple[Any, Callable[[Any], list[Any]]]]:
    names = st.sampled_from(["a.txt", "a.md", "a.html", "a.json", "a.jsonl", "a.xml"])
    return {
        "text": (any_draft, reader_case(text.read, lint)),
        "markdown": (any_draft, reader_case(markdown.read, lint)),
        "html": (any_draft, reader_case(html.read, lint)),
        "json": (any_draft, reader_case(cms.read_json, lint)),
        "jsonl": (any_draft, reader_case(cms.read_jsonl, lint)),
        "wxr": (any_draft, reader_case(wxr.read, lint)),
        "bytes": (st.tuples(raw_bytes, names), bytes_case(lint)),
        "lint_article": (st.tuples(any_draft, st.sampled_from(["html", "markdown", "text"])), article_case),
    }


def fuzz(name: str, strategy: Any, case: Callable[[Any], list[Any]], cases: int, bound: float, rng_seed: int) -> Tally:
    tally = Tally()

    @seed(rng_seed)
    @settings(max_examples=cases, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(strategy)
    def run(value: Any) -> None:
        tally.cases += 1
        started = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, bound)
        try:
            deterministic(lambda: case(value))
        except Hang:
            tally.hangs += 1
            _note(tally, "hang", value)
        except AssertionError:
            tally.violations += 1
            _note(tally, "property", value, traceback.format_exc(limit=-2))
        except Exception:
            tally.crashes += 1
            _note(tally, "crash", value, traceback.format_exc(limit=-3))
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            spent = time.perf_counter() - started
            tally.seconds += spent
            tally.slowest = max(tally.slowest, spent)

    run()
    return tally


def _note(tally: Tally, kind: str, value: Any, detail: str = "") -> None:
    if len(tally.examples) < 3:
        tally.examples.append(f"{kind}: {value!r:.300}\n{detail}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=10_000, help="cases per target (default 10,000)")
    parser.add_argument("--bound", type=float, default=10.0, help="seconds a case may take before it is a hang")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--lint", action="store_true", help="also lint every reader's documents")
    parser.add_argument("--only", default="", help="comma-separated targets")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGALRM, _alarm)
    default_rules()  # load once, outside the timed cases
    chosen = targets(args.lint)
    names = [n for n in args.only.split(",") if n] or list(chosen)
    print(f"{'target':<13} {'cases':>7} {'crashes':>8} {'broken':>7} {'hangs':>6} {'slowest s':>10} {'total s':>8}")
    failed = False
    for name in names:
        strategy, case = chosen[name]
        t = fuzz(name, strategy, case, args.cases, args.bound, args.seed)
        print(
            f"{name:<13} {t.cases:>7,} {t.crashes:>8} {t.violations:>7} {t.hangs:>6} {t.slowest:>10.2f} "
            f"{t.seconds:>8.1f}",
            flush=True,
        )
        for example in t.examples:
            print("    " + example.replace("\n", "\n    "), flush=True)
        failed = failed or bool(t.crashes or t.violations or t.hangs)
    print(
        f"(hang bound {args.bound:g} s per case; 'broken': a position outside the input or findings that "
        "differ between two runs)"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
