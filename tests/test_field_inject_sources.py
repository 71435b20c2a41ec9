"""benchmarks/field/inject.py: which clean articles a set is drawn from (verdict files, outlet group)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from benchmark_modules import load

ROOT = Path(__file__).resolve().parent.parent
FIELD = ROOT / "tests" / "fixtures" / "field"
SPLIT = ROOT / "benchmarks" / "field" / "split.yaml"


inject = load("field/inject.py", "field_inject_sources")


def _verdict(rel: str, verdict: str) -> dict[str, object]:
    item = {"rule": "markup/widget-line", "line": 3, "snippet": "x", "verdict": verdict, "reason": "test"}
    return {"verdicts": {rel: [item]}}


def test_defects_judged_in_sibling_verdict_files_are_left_out(tmp_path: Path) -> None:
    main, sibling = tmp_path / "verdicts.yaml", tmp_path / "verdicts-widgets.yaml"
    main.write_text(yaml.safe_dump(_verdict("de/faz/a.md", "defect")), encoding="utf-8")
    sibling.write_text(yaml.safe_dump(_verdict("id/kumparan/b.md", "defect")), encoding="utf-8")
    (tmp_path / "verdicts-other.yaml").write_text(yaml.safe_dump(_verdict("fr/x/c.md", "false-alarm")), "utf-8")
    assert inject.defective(main) == {"de/faz/a.md", "id/kumparan/b.md"}


def test_a_defect_from_a_sibling_file_keeps_its_article_out_of_the_drafts(tmp_path: Path) -> None:
    verdicts = tmp_path / "verdicts.yaml"
    verdicts.write_text("verdicts: {}\n", encoding="utf-8")
    every = inject.build(FIELD, tmp_path / "all", SPLIT, 11, 2, verdicts)
    source = sorted({meta["source"] for meta in every.values()})[0]
    (tmp_path / "verdicts-more.yaml").write_text(yaml.safe_dump(_verdict(source, "defect")), encoding="utf-8")
    fewer = inject.build(FIELD, tmp_path / "fewer", SPLIT, 11, 2, verdicts)
    assert source not in {meta["source"] for meta in fewer.values()}


def test_the_tune_group_draws_from_tune_outlets_only(tmp_path: Path) -> None:
    split = yaml.safe_load(SPLIT.read_text(encoding="utf-8"))["clean"]
    lang = next(lang for lang, groups in sorted(split.items()) if groups.get("tune") and groups.get("holdout"))
    outlets = {group: sorted(split[lang][group])[0] for group in ("tune", "holdout")}
    for group, outlet in outlets.items():
        folder = tmp_path / "clean" / lang / outlet
        folder.mkdir(parents=True)
        (folder / "a.md").write_text(f"---\nlang: {lang}\n---\n\nA {group} article.\n", encoding="utf-8")
    for group, outlet in outlets.items():
        arts = inject.holdout_articles(tmp_path, SPLIT, 2, set(), group=group)
        assert [a.rel for a in arts] == [f"{lang}/{outlet}/a.md"]


def test_the_tune_group_needs_its_own_folder() -> None:
    with pytest.raises(SystemExit):
        inject.main(["--group", "tune"])
