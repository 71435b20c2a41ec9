"""benchmarks/field/inject.py: the injected-defect set is deterministic and every label
points at the defect it names, in the development set's format."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path
from typing import Any

import pytest
from benchmark_modules import load

ROOT = Path(__file__).resolve().parent.parent
FIELD = ROOT / "tests" / "fixtures" / "field"


inject = load("field/inject.py", "field_inject")


def _build(out: Path, seed: int = 11) -> dict[str, Any]:
    labels: dict[str, Any] = inject.build(
        FIELD, out, ROOT / "benchmarks" / "field" / "split.yaml", seed, 2, FIELD / "verdicts.yaml"
    )
    return labels


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    out = tmp_path_factory.mktemp("injected")
    return out, _build(out)


def _lines(out: Path, name: str) -> list[str]:
    return (out / "drafts" / name).read_text(encoding="utf-8").splitlines()


def test_same_corpus_and_seed_give_the_same_drafts(built: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    out, labels = built
    again = _build(tmp_path)
    assert again == labels
    for name in labels:
        assert (tmp_path / "drafts" / name).read_bytes() == (out / "drafts" / name).read_bytes()
    other = _build(tmp_path / "other", seed=12)
    assert other != labels


def test_labels_file_has_the_dev_set_format(built: tuple[Path, dict[str, Any]]) -> None:
    out, labels = built
    assert json.loads((out / "labels.json").read_text(encoding="utf-8")) == labels
    assert sorted(p.name for p in (out / "drafts").iterdir()) == sorted(labels)
    clean = sum(meta["injected"] == ["clean"] for meta in labels.values())
    assert 0.15 < clean / len(labels) < 0.55  # about a third left clean
    for name, meta in labels.items():
        assert name.endswith(f"-{meta['lang']}.md") or name.endswith(f"-{meta['lang']}.txt")
        for lab in meta["labels"]:
            assert lab["category"] in ("duplicate", "truncation", "markup", "ad-text", "metadata", "language")
            assert all(isinstance(n, int) and n >= 1 for n in lab["lines"])


def _source_paragraphs(rel: str) -> list[str]:
    text = (FIELD / "clean" / rel).read_text(encoding="utf-8")
    body = text.split("\n---", 1)[1] if text.startswith("---\n") else text
    return [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]


def _all_paragraphs(lang_is_not: str) -> set[str]:
    paras: set[str] = set()
    for path in (FIELD / "clean").rglob("*.md"):
        if path.relative_to(FIELD / "clean").parts[0] != lang_is_not:
            paras.update(_source_paragraphs(path.relative_to(FIELD / "clean").as_posix()))
    return paras


def test_every_label_points_at_its_defect(built: tuple[Path, dict[str, Any]]) -> None:
    out, labels = built
    seen: set[str] = set()
    for name, meta in labels.items():
        lines = _lines(out, name)
        source = _source_paragraphs(meta["source"])
        for lab in meta["labels"]:
            kind, at = lab["kind"], [lines[n - 1] for n in lab["lines"]]
            seen.add(kind)
            if kind == "ad_label":
                assert at[0] in inject.AD_LABELS[meta["lang"]]
            elif kind == "ad_code":
                assert at[0] in inject.AD_CODE
            elif kind == "ads_txt":
                assert at[0] in inject.ADS_TXT
            elif kind == "markup_tag":
                assert any(tag in at[0] for tag in inject.STRAY_TAGS)
            elif kind == "widget":
                heads = [w.split("{t}")[0] for w in inject.WIDGETS[meta["lang"]]]
                assert any(at[0].startswith(h) for h in heads), at[0]
            elif kind == "dup_exact":
                assert at[0] == at[1] and at[0] in source
            elif kind == "dup_near":  # one word's case flipped, and perhaps one word dropped
                src_words, copy_words = at[0].lower().split(), at[1].lower().split()
                assert at[0] != at[1]
                assert copy_words == src_words or any(
                    src_words[:k] + src_words[k + 1 :] == copy_words for k in range(len(src_words))
                )
            elif kind == "dup_prefix":
                assert at[0].startswith(at[1]) and len(at[1]) < len(at[0])
            elif kind in ("trunc_mid", "trunc_end"):
                assert at[0][-1] not in '.!?"”»' and any(p.startswith(at[0]) and p != at[0] for p in source)
            elif kind == "split":
                assert at[0] + " " + at[1] in source
            elif kind == "mixed_lang":
                assert at[0] in _all_paragraphs(lang_is_not=meta["lang"])
            elif kind == "weekday":
                names = inject.WEEKDAYS[meta["lang"]]
                day = re.search(r"(\d{4})\D*$", at[0])
                assert day and any(n in at[0] for n in names)
            elif kind in ("no_byline", "no_date"):
                assert lab["lines"] == []
    assert {"ad_label", "dup_exact", "trunc_mid", "split", "widget", "no_byline"} <= seen


def _said_and_real(lang: str, sentence: str) -> tuple[int, int]:
    nums = [int(n) for n in re.findall(r"\d+", sentence)]
    if lang in ("id", "ms"):
        d, m, y = nums[-3:]
    else:
        d, y = nums[0], nums[-1]
        m = next(i + 1 for i, name in enumerate(inject.MONTHS[lang]) if re.search(rf"\b{name}\b", sentence))
    said = next(i for i, name in enumerate(inject.WEEKDAYS[lang]) if re.search(rf"\b{name}\b", sentence))
    return said, datetime.date(y, m, d).weekday()


@pytest.mark.parametrize("lang", sorted(inject.WEEKDAYS))
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_injected_weekdays_contradict_their_dates(lang: str, seed: int) -> None:
    import random

    text = "Satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas dua belas."
    art = inject.Article("x", lang, {}, [inject.Para(text)])
    lab = inject.inject("weekday", art.paras, art, [], random.Random(seed))
    assert lab is not None and lab.paras == art.paras
    sentence = art.paras[0].text[len(text) :]
    said, real = _said_and_real(lang, sentence)
    assert said != real
