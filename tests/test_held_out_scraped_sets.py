"""The held-out scraped sets' files (benchmarks/scrapedx, benchmarks/scraped8, benchmarks/scraped9,
benchmarks/scraped10) parse and agree with one another.

Each set was gathered to measure junk recall on sites no rule was tuned on, so none of its sites
is a scraped site of an earlier set, its labels name only sites of the split, and every source it
lists carries a licence. The 0.12.0 recall round read the misses of the third and eighth sets, so
their splits put every site in the ``tune`` group: their figures are no longer held-out figures.
The ninth set was built after that round, before any rule of the next was written, and every one
of its sites is in the ``holdout`` group; so was the tenth (Indonesian, French and German pages), in
the same round, before any rule change. 0.13.0's recall round read the misses of the second and
the Malay/Indonesian scraped sets (benchmarks/scraped2, scrapedms): every one of their sites is tuned.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from benchmark_modules import ROOT, load

# Each held-out set, with the sets before it whose scraped sites it must not share.
SETS = {
    "scrapedx": ("field", "scraped2", "scrapedms"),
    "scraped8": ("field", "scraped2", "scrapedms", "scrapedx"),
    "scraped9": ("field", "scraped2", "scrapedms", "scrapedx", "scraped8"),
    "scraped10": ("field", "scraped2", "scrapedms", "scrapedx", "scraped8", "scraped9"),
}
# The group every site of each set is in: ``tune`` once a round has read the set's misses; and the
# sites of a held-out set that a round read one by one, which are tuned since.
GROUP = {
    "scraped2": "tune",
    "scrapedms": "tune",
    "scrapedx": "tune",
    "scraped8": "tune",
    "scraped9": "holdout",
    "scraped10": "holdout",
}
READ_SITES = {"scraped9": {"pt/justificando-com"}}
held_out = pytest.mark.parametrize("name", sorted(SETS))
CATEGORIES = {"markup", "duplicate", "ad-text", "truncation"}


def _yaml(path: Path) -> object:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _split(name: str) -> dict[str, dict[str, list[str]]]:
    raw = _yaml(ROOT / "benchmarks" / name / "split.yaml")
    assert isinstance(raw, dict)
    return raw["scraped"]


def _sites(split: dict[str, dict[str, list[str]]]) -> set[str]:
    return {f"{lang}/{site}" for lang, groups in split.items() for sites in groups.values() for site in sites}


@pytest.mark.parametrize("name", sorted(GROUP))
def test_every_site_is_in_the_group_the_sets_history_gives(name: str) -> None:
    split = _split(name)
    assert split
    group = GROUP[name]
    read = READ_SITES.get(name, set())
    for lang, groups in split.items():
        assert set(groups) <= {group, "tune"}, lang
        for sites in groups.values():
            assert sites == sorted(set(sites)), lang
        tuned = {f"{lang}/{site}" for site in groups.get("tune", ())}
        if group == "tune":
            assert set(groups) == {"tune"}, lang
        else:
            assert tuned == {site for site in read if site.startswith(lang + "/")}, lang


@held_out
def test_labels_name_sites_of_the_split_and_every_site_has_a_labelled_page(name: str) -> None:
    labels = _yaml(ROOT / "benchmarks" / name / "labels.yaml")
    assert isinstance(labels, dict)
    sites = _sites(_split(name))
    labelled = {"/".join(file.split("/")[:2]) for file in labels}
    assert labelled == sites
    for file, items in labels.items():
        assert re.fullmatch(r"[a-z]{2}/[a-z0-9-]+/[a-z0-9-]+\.txt", file), file
        lines = [item["line"] for item in items or []]
        assert lines == sorted(set(lines)), file
        for item in items or []:
            assert item["category"] in CATEGORIES, (file, item)
            assert item["family"] and item["text"], (file, item)
            assert isinstance(item["line"], int) and item["line"] >= 3, (file, item)  # 1 title, 2 blank


@held_out
def test_every_source_has_a_commit_and_a_licence_and_its_pages_listed(name: str) -> None:
    manifest = _yaml(ROOT / "benchmarks" / name / "MANIFEST.yaml")
    assert isinstance(manifest, list) and manifest
    for entry in manifest:
        assert re.fullmatch(r"[0-9a-f]{40}", entry["commit"]), entry["repository"]
        assert entry["licence"].strip(), entry["repository"]
        assert entry["pages"] == len(entry["paths"]) > 0, entry["repository"]


@held_out
def test_the_converter_lists_the_sites_of_the_split(name: str) -> None:
    convert = load(f"{name}/convert.py", f"{name}_convert")
    named = {
        f"{page.lang}/{convert.ingest.slug(page.site.replace('.', '-'))}"
        for source in convert.sources()
        for page in source.pages
    }
    assert named == _sites(_split(name))
    manifest = _yaml(ROOT / "benchmarks" / name / "MANIFEST.yaml")
    assert isinstance(manifest, list)
    assert {e["repository"] for e in manifest} == {s.repo for s in convert.sources()}


@held_out
def test_no_site_is_a_scraped_site_of_an_earlier_set(name: str) -> None:
    earlier: set[str] = set()
    for earlier_set in SETS[name]:
        raw = _yaml(ROOT / "benchmarks" / earlier_set / "split.yaml")
        assert isinstance(raw, dict)
        earlier |= _sites(raw.get("scraped") or {})
    assert earlier
    assert not _sites(_split(name)) & earlier


# The sets built after the 0.12.0 round, each with the sets built before it.
NEW_SETS = {"scraped9": set(), "scraped10": {"scraped9"}}


@pytest.mark.parametrize("name", sorted(NEW_SETS))
def test_a_new_set_reads_no_repository_an_earlier_set_read(name: str) -> None:
    earlier: set[str] = set()
    for path in (ROOT / "benchmarks").glob("*/MANIFEST.yaml"):
        if path.parent.name in NEW_SETS and path.parent.name not in NEW_SETS[name]:
            continue
        text = path.read_text(encoding="utf-8")
        earlier |= set(re.findall(r"^\s*-?\s*repository:\s*(\S+)\s*$", text, flags=re.M))
    assert "postlight/parser" in earlier and "goose3/goose3" in earlier
    if NEW_SETS[name]:
        assert "victormartinez/ferret" in earlier
    manifest = _yaml(ROOT / "benchmarks" / name / "MANIFEST.yaml")
    assert isinstance(manifest, list)
    assert not {entry["repository"] for entry in manifest} & earlier
