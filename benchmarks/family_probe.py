"""Coverage of each junk family's variants in every pack language.

    python benchmarks/family_probe.py [FAMILY ...] [--verbose]

benchmarks/family_probes.yaml lists, per family (read-also, video-teaser, text-size,
paywall, view-counter, comments, pagination, login, promo, author, newsletter, ...) and per
pack language, lines a page prints for it (``flag``) and prose look-alikes (``pass``). Each
line is set as its own paragraph in the middle of a short article of its language (the
file's ``hosts``) and linted through the API with the metadata rules ignored; a ``flag`` line
counts when a warning or error points at it, a ``pass`` line is a false alarm when one does.
The figures are written variants, not a sample of real pages: they show which wordings,
cases, brackets and languages a family's rules cover, not how often pages use them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

import newslint
from newslint.engine import Options

HERE = Path(__file__).resolve().parent
DATA = HERE / "family_probes.yaml"
POSITION = 2  # the probe is the third paragraph of four


def findings_on(line: str, host: list[str], rules: Any, options: Options) -> list[str]:
    """The rules of the warnings and errors on ``line`` set in the middle of ``host``."""
    paras = [*host[:POSITION], line, *host[POSITION:]]
    result = newslint.lint_text("\n\n".join(paras) + "\n", "probe.txt", rules=rules, options=options)
    target = 2 * POSITION + 1
    return [f.rule for f in result.findings if f.severity != "info" and f.line == target]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("families", nargs="*")
    ap.add_argument("--verbose", action="store_true", help="list every miss and false alarm")
    args = ap.parse_args(argv)
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    rules, options = newslint.default_rules(), Options(ignore=("metadata/",))
    total = found = alarms = 0
    for family in args.families or list(data["families"]):
        got = n = fa = 0
        for lang, lines in data["families"][family].items():
            for line in lines["flag"]:
                n += 1
                hit = bool(findings_on(line, data["hosts"][lang], rules, options))
                got += hit
                if not hit and args.verbose:
                    print(f"MISS  {family} {lang}: {line}")
            for line in lines["pass"]:
                on = findings_on(line, data["hosts"][lang], rules, options)
                fa += bool(on)
                if on and args.verbose:
                    print(f"FALSE {family} {lang}: {line} ({', '.join(on)})")
        print(f"{family:<14} {got:>4}/{n:<4} flagged, {fa} false alarms")
        total, found, alarms = total + n, found + got, alarms + fa
    print(f"{'all':<14} {found:>4}/{total:<4} flagged, {alarms} false alarms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
