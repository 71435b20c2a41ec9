"""Stress the rules that open a page's tail: put one trigger line inside every clean article
and count the article's own lines then reported.

    python benchmarks/stress_tail.py [--field DIR] [--rules RULE,...] [--trigger TEXT]...

Every clean article of the field corpus (``DIR/clean/<lang>/<outlet>/*.md``, default
/work/data/field) with three paragraphs or more gets the trigger as a paragraph of its own
after its middle paragraph (a notice of a comment section, "Comments are closed.", a thread's
header, a line in a reader's voice...). The copies are linted with only ``--rules`` selected
(default: the comment-thread rules); a finding on any line but the trigger's is an article
line wrongly reported. The script prints, per trigger, the articles touched and the article
lines reported. It measures the shape of a rule's evidence, not any site: the articles are
edited copy with no thread in them.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from field_score import run_newslint  # noqa: E402 - found once HERE is on sys.path

DEFAULT_FIELD = Path("/work/data/field")
DEFAULT_RULES = "markup/comment-thread,markup/reader-thread"
DEFAULT_TRIGGERS = (
    "Comments are closed.",
    "You must be logged in to post a comment.",
    "Kommentare sind geschlossen.",
    "Les commentaires sont fermés.",
    "Los comentarios están cerrados.",
    "Os comentários estão encerrados.",
    "Komentar ditutup.",
    "3 Comments",
)
MIN_PARAGRAPHS = 3


def stressed(text: str, trigger: str) -> tuple[str, int] | None:
    """The article with the trigger after its middle paragraph, and the trigger's line number
    (1-based, in the file); None when the article has fewer than three paragraphs."""
    head, body = "", text
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end > 0:
            head, body = text[: end + 5], text[end + 5 :]
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    if len(paragraphs) < MIN_PARAGRAPHS:
        return None
    middle = len(paragraphs) // 2
    before = head + "\n" + "\n\n".join(paragraphs[:middle]) + "\n\n"
    line = before.count("\n") + 1
    return before + trigger + "\n\n" + "\n\n".join(paragraphs[middle:]) + "\n", line


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--field", type=Path, default=DEFAULT_FIELD)
    ap.add_argument("--rules", default=DEFAULT_RULES, help="comma-separated rule ids to select")
    ap.add_argument("--trigger", action="append", help="a trigger line (repeatable; default: a set of notices)")
    args = ap.parse_args(argv)
    clean = args.field / "clean"
    if not clean.is_dir():
        sys.exit(f"no clean articles under {clean}: give --field the field corpus folder")
    articles = sorted(clean.glob("*/*/*.md"))
    print(f"{'trigger':45} {'articles':>8} {'touched':>8} {'lines':>6}")
    for trigger in args.trigger or DEFAULT_TRIGGERS:
        with tempfile.TemporaryDirectory() as tmp:
            where: dict[str, int] = {}
            for path in articles:
                made = stressed(path.read_text(encoding="utf-8"), trigger)
                if made is None:
                    continue
                rel = path.relative_to(clean)
                out = Path(tmp) / rel
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_text(made[0], encoding="utf-8")
                where[str(rel)] = made[1]
            files = run_newslint(Path(tmp), ["--select", args.rules])
            touched: Counter[str] = Counter()
            for item in files:
                rel = str(Path(item["path"]).resolve().relative_to(Path(tmp).resolve()))
                for finding in item.get("findings", []):
                    if finding.get("line") != where.get(rel):
                        touched[rel] += 1
            print(f"{trigger[:45]:45} {len(where):8d} {len(touched):8d} {sum(touched.values()):6d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
