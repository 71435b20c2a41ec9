"""Benchmark: `newslint audit` (Dask, local processes) against `newslint check` on the same drafts.

Both lint the same generated drafts (the corpus of ``run.py``), run alternately, medians
of ``--repeat`` rounds after a warm-up; memory is summed over every process of a run
(the CLI, Dask's worker processes, check's workers). The audit also writes its Parquet
tables and report, which ``check --format json`` to /dev/null does not.

    pip install 'newslint[archive]'
    python benchmarks/audit.py                      # 4,000 drafts, 5 rounds
    python benchmarks/audit.py --files 20000 --repeat 5 --partition-size 1000
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run  # noqa: E402 - the benchmark corpus and the alternating measurement


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=4000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--partition-size", type=int, default=500)
    args = parser.parse_args(argv)
    newslint = run.executable("newslint")
    if newslint is None:
        raise SystemExit("newslint is not installed in this environment")
    with tempfile.TemporaryDirectory() as tmp:
        drafts, out = Path(tmp) / "drafts", Path(tmp) / "audit"
        run.generate(drafts, args.files)
        audit = f"rm -rf {out} && exec {newslint} audit {drafts} -o {out} --partition-size {args.partition_size}"
        cmds: dict[str, Sequence[str]] = {
            "newslint check DIR": [newslint, "check", "--format", "json", str(drafts)],
            "newslint audit DIR": ["sh", "-c", audit],
        }
        print(f"{args.files:,} drafts, {args.repeat} alternating rounds; before: {run.load()}")
        runs = run.alternate(cmds, args.repeat)
        print(f"after: {run.load()}")
        print(f"\n{'command':<24}{'wall s':>8}{'files/s':>9}{'CPU s':>8}{'RSS MiB':>9}{'PSS MiB':>9}")
        for name, rs in runs.items():
            wall = run.median(rs, lambda r: r.wall)
            print(
                f"{name:<24}{wall:>8.2f}{args.files / wall:>9.0f}{run.median(rs, lambda r: r.cpu):>8.2f}"
                f"{run.median(rs, lambda r: r.rss) / 1024:>9.0f}{run.median(rs, lambda r: r.pss) / 1024:>9.0f}"
            )
        check, audited = (run.median(runs[n], lambda r: r.wall) for n in cmds)
        print(f"audit / check wall: {audited / check:.2f}x (memory summed over every process of a run)")
        shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
