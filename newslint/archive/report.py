"""What an audit writes: Parquet tables of findings and articles, a summary, an HTML report.

Each partition writes its own Parquet files where it runs and hands the driver only a
small summary, so an archive of millions of articles never passes through one process.
"""

from __future__ import annotations

import html
import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from newslint.archive import FINDING_COLUMNS, ArticleAudit, AuditSettings, finding_row, lint_partition
from newslint.budget import TIMEOUT_RULE
from newslint.finding import WORST_FIRST
from newslint.selection import INTERNAL_ERROR

TOP_ARTICLES = 50  # the articles with most findings the report lists


@dataclass
class Summary:
    """Counts over the articles audited; summaries of partitions add up."""

    articles: int = 0
    with_findings: int = 0
    by_severity: Counter[str] = field(default_factory=Counter)
    by_rule: Counter[str] = field(default_factory=Counter)
    articles_by_rule: Counter[str] = field(default_factory=Counter)
    rule_info: dict[str, tuple[str, str]] = field(default_factory=dict)  # rule -> (category, severity)
    languages: Counter[str] = field(default_factory=Counter)
    crashed: list[str] = field(default_factory=list)
    timed_out: list[str] = field(default_factory=list)  # not fully linted within the budget
    top: list[tuple[int, str]] = field(default_factory=list)

    def add(self, audit: ArticleAudit) -> None:
        self.articles += 1
        self.languages[audit.language or "unknown"] += 1
        if audit.findings:
            self.with_findings += 1
            self.top = sorted([*self.top, (len(audit.findings), audit.path)], key=lambda t: (-t[0], t[1]))[
                :TOP_ARTICLES
            ]
        for f in audit.findings:
            self.by_severity[f.severity] += 1
            self.by_rule[f.rule] += 1
            self.rule_info.setdefault(f.rule, (f.category, f.severity))
            if f.rule == INTERNAL_ERROR:
                self.crashed.append(audit.path)
            elif f.rule == TIMEOUT_RULE:
                self.timed_out.append(audit.path)
        for rule in {f.rule for f in audit.findings}:
            self.articles_by_rule[rule] += 1

    def merge(self, other: Summary) -> Summary:
        self.articles += other.articles
        self.with_findings += other.with_findings
        self.by_severity.update(other.by_severity)
        self.by_rule.update(other.by_rule)
        self.articles_by_rule.update(other.articles_by_rule)
        for rule, info in other.rule_info.items():
            self.rule_info.setdefault(rule, info)
        self.languages.update(other.languages)
        self.crashed.extend(other.crashed)
        self.timed_out.extend(other.timed_out)
        self.top = sorted([*self.top, *other.top], key=lambda t: (-t[0], t[1]))[:TOP_ARTICLES]
        return self

    def to_json(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "articles_with_findings": self.with_findings,
            "findings": sum(self.by_rule.values()),
            "by_severity": {s: self.by_severity.get(s, 0) for s in WORST_FIRST},
            "by_rule": {
                rule: {
                    "findings": n,
                    "articles": self.articles_by_rule[rule],
                    "category": self.rule_info[rule][0],
                    "severity": self.rule_info[rule][1],
                }
                for rule, n in sorted(self.by_rule.items(), key=lambda kv: (-kv[1], kv[0]))
            },
            "languages": dict(sorted(self.languages.items())),
            "crashed": sorted(self.crashed),
            "timed_out": sorted(self.timed_out),
            "most_findings": [{"path": path, "findings": n} for n, path in self.top],
        }


def audit_chunk(chunk: tuple[int, Sequence[Any]], settings: AuditSettings, out: str) -> Summary:
    """Lint one partition's records and write its tables under ``out``; the driver gets
    back only the partition's summary."""
    index, records = chunk
    audits = lint_partition(records, settings)
    write_tables(audits, out, index)
    summary = Summary()
    for audit in audits:
        summary.add(audit)
    return summary


def write_tables(audits: Iterable[ArticleAudit], out: str, index: int) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    audits = list(audits)
    findings = [finding_row(f) for a in audits for f in a.findings]
    articles = [
        {
            "path": a.path,
            "language": a.language,
            "findings": len(a.findings),
            **{s + "s": sum(f.severity == s for f in a.findings) for s in WORST_FIRST},
        }
        for a in audits
    ]
    name = f"part-{index:05d}.parquet"
    pq.write_table(pa.Table.from_pylist(findings, schema=findings_schema()), os.path.join(out, "findings", name))
    pq.write_table(pa.Table.from_pylist(articles, schema=articles_schema()), os.path.join(out, "articles", name))


def findings_schema() -> Any:
    import pyarrow as pa

    kinds = {"line": pa.int32(), "column": pa.int32(), "end_line": pa.int32(), "end_column": pa.int32()}
    return pa.schema([(c, kinds.get(c, pa.bool_() if c == "fixable" else pa.string())) for c in FINDING_COLUMNS])


def articles_schema() -> Any:
    import pyarrow as pa

    counts = [("findings", pa.int32())] + [(s + "s", pa.int32()) for s in WORST_FIRST]
    return pa.schema([("path", pa.string()), ("language", pa.string()), *counts])


def write_summary(summary: Summary, out: str, sources: Sequence[str]) -> None:
    with open(os.path.join(out, "summary.json"), "w", encoding="utf-8") as f:
        json.dump(summary.to_json(), f, ensure_ascii=False, indent=2)
        f.write("\n")
    with open(os.path.join(out, "report.html"), "w", encoding="utf-8") as f:
        f.write(render_html(summary, sources))


def render_html(summary: Summary, sources: Sequence[str]) -> str:
    data = summary.to_json()
    e = html.escape
    rows = "".join(
        f"<tr><td><code>{e(rule)}</code></td><td>{e(v['category'])}</td><td>{e(v['severity'])}</td>"
        f"<td class=n>{v['findings']:,}</td><td class=n>{v['articles']:,}</td></tr>"
        for rule, v in data["by_rule"].items()
    )
    top = "".join(
        f"<tr><td>{e(item['path'])}</td><td class=n>{item['findings']:,}</td></tr>" for item in data["most_findings"]
    )
    crashed = "".join(f"<li>{e(p)}</li>" for p in data["crashed"])
    timed_out = "".join(f"<li>{e(p)}</li>" for p in data["timed_out"])
    severities = ", ".join(f"{n:,} {e(s)}" for s, n in data["by_severity"].items())
    languages = ", ".join(f"{e(lang)} {n:,}" for lang, n in data["languages"].items())
    share = data["articles_with_findings"] / data["articles"] if data["articles"] else 0.0
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>newslint audit</title>
<style>body{{font-family:sans-serif;margin:2em;max-width:70em}}table{{border-collapse:collapse}}
td,th{{border-bottom:1px solid #ddd;padding:.3em .8em;text-align:left}}td.n{{text-align:right}}</style></head>
<body><h1>newslint audit</h1>
<p>Sources: {e(", ".join(sources))}</p>
<p><b>{data["articles"]:,}</b> articles audited; <b>{data["articles_with_findings"]:,}</b> ({share:.1%}) have findings:
<b>{data["findings"]:,}</b> findings ({severities}). Languages: {languages}.</p>
<p>Every finding is in <code>findings/*.parquet</code>, one row per finding; every article in
<code>articles/*.parquet</code> with its counts.</p>
<h2>By rule</h2>
<table><tr><th>rule</th><th>category</th><th>severity</th><th>findings</th><th>articles</th></tr>{rows}</table>
<h2>Articles with the most findings</h2>
<table><tr><th>article</th><th>findings</th></tr>{top}</table>
{f"<h2>Articles newslint crashed on</h2><ul>{crashed}</ul>" if crashed else ""}
{f"<h2>Articles not fully linted within the time budget</h2><ul>{timed_out}</ul>" if timed_out else ""}
</body></html>
"""
