"""Inject known defects into clean copy of the held-out outlets of the field corpus.

    python benchmarks/field/inject.py [--field DIR] [--out DIR] [--seed N] [--per-outlet N] [--group tune]

Reads the clean articles of the outlets benchmarks/field/split.yaml holds out (less
those benchmarks/field/verdicts.yaml and its verdicts-*.yaml siblings found a real
defect in; ``--group tune`` reads the tune outlets instead, for a set to tune on), and
writes OUT/drafts/NNNN-<lang>.md|.txt with OUT/labels.json in the format of
/work/shared/corpus/dev, so ``python /work/shared/tools/score.py OUT`` scores it:
per draft ``lang``, ``injected`` (the kinds, or ["clean"]) and ``labels`` (kind,
category, 1-based lines; [] for a document-level label such as a missing byline).
``source`` names the clean article a draft was made from.

The defects are the ones editors meet in scraped or badly pasted copy, made the way
the development set makes them:

- duplicate: a paragraph repeated exactly (dup_exact), with small edits (dup_near),
  or repeated cut short (dup_prefix); the label names both copies;
- truncation: a paragraph cut mid-sentence in the middle (trunc_mid) or at the end
  (trunc_end); a sentence split across two paragraphs (split, both lines);
- markup: a stray HTML tag (markup_tag); a share or read-also widget line (widget);
- ad-text: an ad label (ad_label), ad-network code (ad_code), an ads.txt record
  (ads_txt);
- language: a paragraph of another language's article (mixed_lang);
- metadata: a weekday that contradicts its date (weekday); the byline or date
  removed (no_byline, no_date). A draft whose source has no byline (date) carries
  the no_byline (no_date) label too, as in the development set: the draft lacks it.

Everything is drawn from ``random.Random(seed)`` in a fixed order over the sorted
articles, so the same corpus and seed give the same drafts, byte for byte.
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
DEFAULT_FIELD = Path("/work/data/field")

AD_LABELS = {
    "en": ["Advertisement", "ADVERTISEMENT", "Sponsored", "SCROLL TO CONTINUE WITH CONTENT"],
    "id": ["Advertisement", "ADVERTISEMENT", "Iklan", "SCROLL TO CONTINUE WITH CONTENT"],
    "ms": ["Advertisement", "IKLAN", "ADVERTISEMENT"],
    "de": ["Anzeige", "Werbung", "ANZEIGE"],
    "fr": ["Publicité", "PUBLICITÉ", "Contenu sponsorisé"],
    "es": ["Publicidad", "PUBLICIDAD", "Contenido patrocinado"],
    "pt": ["Publicidade", "PUBLICIDADE", "Conteúdo patrocinado"],
}
AD_CODE = [
    "googletag.cmd.push(function() { googletag.display('div-gpt-ad-1538457328715-0'); });",
    "(adsbygoogle = window.adsbygoogle || []).push({});",
    "window._taboola = window._taboola || []; _taboola.push({mode: 'thumbnails-a', container: 'taboola-below'});",
    '<div class="OUTBRAIN" data-widget-id="AR_1" data-src="DROP_PERMALINK_HERE"></div>',
    '<ins class="adsbygoogle" style="display:block" data-ad-client="ca-pub-7571918770474297"></ins>',
    "var criteo_q = criteo_q || []; criteo_q.push({ event: 'viewItem', item: '1234' });",
]
ADS_TXT = [
    "google.com, pub-4296839430913713, DIRECT, f08c47fec0942fa0",
    "appnexus.com, 3480, RESELLER, f5ab79cb980f11d1",
    "rubiconproject.com, 17960, RESELLER, 0bfd66d529a55807",
    "openx.com, 537149888, RESELLER, 6a698e2ec38604c6",
]
STRAY_TAGS = [
    '<div class="entry-content">',
    "</div>",
    "<p>&nbsp;</p>",
    '<span style="font-weight: 400;">',
    "<br />",
    '<figure class="wp-block-image">',
]
WIDGETS = {
    "en": [
        "Share this:",
        "Click to share on Facebook (Opens in new window)",
        "Share on Twitter",
        "Read more: {t}",
        "RELATED: {t}",
    ],
    "id": ["Bagikan artikel ini", "Baca juga: {t}", "BACA JUGA: {t}", 'Simak Video "{t}"', "Ukuran font"],
    "ms": ["Kongsi artikel ini", "Baca juga: {t}", "BACA: {t}"],
    "de": ["Artikel teilen", "Lesen Sie auch: {t}", "Mehr zum Thema: {t}", "Teilen auf Facebook"],
    "fr": ["Partager cet article", "Lire aussi : {t}", "LIRE AUSSI - {t}", "À voir aussi : {t}"],
    "es": ["Compartir en Facebook", "Lee también: {t}", "LEA TAMBIÉN: {t}", "Te puede interesar: {t}"],
    "pt": ["Compartilhe esta notícia", "Leia também: {t}", "LEIA MAIS: {t}", "Veja também: {t}"],
}
WEEKDAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "id": ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"],
    "ms": ["Isnin", "Selasa", "Rabu", "Khamis", "Jumaat", "Sabtu", "Ahad"],
    "de": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "es": ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
    "pt": ["segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado", "domingo"],
}
MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "de": [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "es": [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    "pt": [
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ],
}
WEEKDAY_SENTENCES = {
    "en": "The meeting was held on {wd}, {month} {d}, {y}.",
    "id": "Acara itu digelar pada {wd} ({d}/{m}/{y}).",
    "ms": "Majlis itu diadakan pada {wd} ({d}/{m}/{y}).",
    "de": "Das Treffen fand am {wd}, {d}. {month} {y} statt.",
    "fr": "La réunion a eu lieu le {wd} {d} {month} {y}.",
    "es": "La reunión se celebró el {wd} {d} de {month} de {y}.",
    "pt": "A reunião aconteceu na {wd}, {d} de {month} de {y}.",
}
KINDS = {  # kind -> category
    "dup_exact": "duplicate",
    "dup_near": "duplicate",
    "dup_prefix": "duplicate",
    "trunc_mid": "truncation",
    "trunc_end": "truncation",
    "split": "truncation",
    "markup_tag": "markup",
    "widget": "markup",
    "ad_label": "ad-text",
    "ad_code": "ad-text",
    "ads_txt": "ad-text",
    "mixed_lang": "language",
    "weekday": "metadata",
}


@dataclass
class Para:
    text: str
    labelled: bool = False  # part of an earlier injection: later ones leave it alone


@dataclass
class Label:
    kind: str
    category: str
    paras: list[Para] = field(default_factory=list)
    rule: str | None = None


@dataclass
class Article:
    rel: str
    lang: str
    meta: dict[str, Any]
    paras: list[Para]


def read_article(path: Path, rel: str) -> Article:
    text = path.read_text(encoding="utf-8")
    meta: dict[str, Any] = {}
    body = text
    if text.startswith("---\n"):
        end = text.index("\n---", 4)
        meta = yaml.safe_load(text[4:end]) or {}
        body = text[end + 4 :]
    paras = [Para(p.strip()) for p in re.split(r"\n\s*\n", body) if p.strip()]
    return Article(rel, str(meta.get("lang") or rel.split("/")[0]), meta, paras)


def defective(verdicts_path: Path) -> set[str]:
    """Articles the hand verdicts found a real defect in (a leftover widget, a cut ...).

    They are left out: a defect the draft already had would count against newslint
    as an unlabelled finding. Read from ``verdicts_path`` and its ``<stem>-*.yaml`` siblings.
    """
    found: set[str] = set()
    # Verdicts are kept in several files: verdicts.yaml and its verdicts-*.yaml siblings.
    siblings = sorted(verdicts_path.parent.glob(f"{verdicts_path.stem}-*{verdicts_path.suffix}"))
    for path in [verdicts_path, *siblings]:
        if not path.exists():
            continue
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        found |= {
            rel
            for rel, items in (raw.get("verdicts") or {}).items()
            if any(i.get("verdict") == "defect" for i in items or [])
        }
    return found


def holdout_articles(
    field_dir: Path, split_path: Path, per_outlet: int, skip: set[str], group: str = "holdout"
) -> list[Article]:
    """The clean articles of the split's ``group`` of outlets (``holdout`` or ``tune``)."""
    split = yaml.safe_load(split_path.read_text(encoding="utf-8"))["clean"]
    out: list[Article] = []
    for lang in sorted(split):
        for outlet in sorted(split[lang].get(group) or []):
            files = sorted((field_dir / "clean" / lang / outlet).glob("*.md"))
            rels = [f.relative_to(field_dir / "clean").as_posix() for f in files]
            kept = [(f, r) for f, r in zip(files, rels, strict=True) if r not in skip][:per_outlet]
            out += [read_article(f, r) for f, r in kept]
    return out


# -- the injections ----------------------------------------------------------------------------

Body = list[Para]


def _prose(paras: Body, rng: random.Random, min_words: int = 12) -> int | None:
    """Index of a random paragraph of running prose (long enough, ends like a sentence)."""
    cands = [
        i
        for i, p in enumerate(paras)
        if len(p.text.split()) >= min_words
        and p.text[-1:] in '.!?"”»'
        and not p.text.startswith("#")
        and not p.labelled
    ]
    return rng.choice(cands) if cands else None


def _slot(paras: Body, rng: random.Random) -> int:
    """Where to insert a line: after the first paragraph, before the last when there are two or more."""
    return rng.randint(1, max(1, len(paras) - 1))


def _cut(text: str, rng: random.Random) -> str:
    """The text cut mid-sentence: 40-75% of its words, never ending on punctuation."""
    words = text.split()
    keep = max(3, int(len(words) * rng.uniform(0.4, 0.75)))
    cut = " ".join(words[:keep]).rstrip(",;:.!?\"”»'’-–—")
    return cut


def inject(kind: str, paras: Body, art: Article, others: list[Article], rng: random.Random) -> Label | None:
    lab = Label(kind, KINDS[kind])
    lang = art.lang
    if kind in ("dup_exact", "dup_near", "dup_prefix"):
        i = _prose(paras, rng)
        if i is None or len(paras) < 3:
            return None
        src = paras[i]
        text = src.text
        if kind == "dup_near":
            words = text.split()
            j = 0 if rng.random() < 0.5 else rng.randrange(len(words))  # "INTEREST payments ..."
            words[j] = words[j].upper() if not words[j].isupper() else words[j].lower()
            if len(words) > 12 and rng.random() < 0.5:
                del words[rng.randrange(1, len(words) - 1)]  # and a word dropped
            text = " ".join(words)
        elif kind == "dup_prefix":
            text = _cut(text, rng)
        copy = Para(text)
        at = rng.randint(min(i + 2, len(paras)), len(paras))
        paras.insert(at, copy)
        lab.paras = [src, copy]
    elif kind in ("trunc_mid", "trunc_end"):
        if kind == "trunc_end":
            i = len(paras) - 1
            if len(paras[i].text.split()) < 8 or paras[i].labelled:
                return None
        else:
            i_opt = _prose(paras[1:-1], rng)
            if i_opt is None:
                return None
            i = i_opt + 1
        paras[i].text = _cut(paras[i].text, rng)
        lab.paras = [paras[i]]
    elif kind == "split":
        i = _prose(paras, rng, 16)
        if i is None:
            return None
        words = paras[i].text.split()
        # split inside a sentence: after a word that does not end one
        points = [k for k in range(4, len(words) - 4) if not re.search(r"[.!?:;\"”»]$", words[k - 1])]
        if not points:
            return None
        k = rng.choice(points)
        first, second = Para(" ".join(words[:k])), Para(" ".join(words[k:]))
        paras[i : i + 1] = [first, second]
        lab.paras = [first, second]
    elif kind == "markup_tag":
        i = _slot(paras, rng)
        tag = rng.choice(STRAY_TAGS)
        p = Para(tag)
        if rng.random() < 0.4 and i < len(paras) and not paras[i].text.startswith("#") and not paras[i].labelled:
            p = paras[i]
            words = p.text.split()
            k = rng.randrange(1, len(words)) if len(words) > 1 else 1
            p.text = " ".join(words[:k] + [tag] + words[k:])
        else:
            paras.insert(i, p)
        lab.paras = [p]
    elif kind == "widget":
        title = next((o.meta.get("title") for o in others if o.lang == lang and o.meta.get("title")), "")
        choices = [w for w in WIDGETS.get(lang, WIDGETS["en"]) if title or "{t}" not in w]
        p = Para(rng.choice(choices).format(t=title))
        paras.insert(rng.randrange(1, len(paras) + 1), p)
        lab.paras = [p]
    elif kind == "ad_label":
        p = Para(rng.choice(AD_LABELS.get(lang, AD_LABELS["en"])))
        paras.insert(_slot(paras, rng), p)
        lab.paras = [p]
    elif kind == "ad_code":
        p = Para(rng.choice(AD_CODE))
        paras.insert(_slot(paras, rng), p)
        lab.paras = [p]
    elif kind == "ads_txt":
        p = Para(rng.choice(ADS_TXT))
        paras.insert(_slot(paras, rng), p)
        lab.paras = [p]
    elif kind == "mixed_lang":
        foreign = [o for o in others if o.lang != lang]
        if not foreign:
            return None
        src_art = rng.choice(foreign)
        pick = _prose(src_art.paras, rng, 20)
        if pick is None:
            return None
        p = Para(src_art.paras[pick].text)
        paras.insert(_slot(paras, rng), p)
        lab.paras = [p]
    elif kind == "weekday":
        i = _prose(paras, rng)
        if i is None:
            return None
        day = datetime.date(2015, 1, 1) + datetime.timedelta(days=rng.randrange(3650))
        wrong = (day.weekday() + rng.randint(1, 6)) % 7
        wd = WEEKDAYS.get(lang, WEEKDAYS["en"])[wrong]
        month = MONTHS.get(lang, MONTHS["en"])[day.month - 1]
        sentence = WEEKDAY_SENTENCES.get(lang, WEEKDAY_SENTENCES["en"]).format(
            wd=wd, d=day.day, m=day.month, y=day.year, month=month
        )
        paras[i].text = paras[i].text + " " + sentence
        lab.paras = [paras[i]]
    return lab


# -- drafts ----------------------------------------------------------------------------------


def render(art: Article, paras: Body, meta: dict[str, Any], as_text: bool) -> tuple[str, dict[int, int]]:
    """The draft and {id(paragraph): line}."""
    lines: list[str] = []
    if as_text:
        lines += [str(meta.get("title") or ""), ""]
        if meta.get("author"):
            lines += [f"By {meta['author']}", ""]
        if meta.get("date"):
            lines += [str(meta["date"]), ""]
    else:
        head = {k: meta[k] for k in ("title", "author", "date") if meta.get(k)}
        lines += [
            "---",
            *yaml.safe_dump(head, allow_unicode=True, sort_keys=False, width=10_000).splitlines(),
            "---",
            "",
        ]
    where: dict[int, int] = {}
    for p in paras:
        where[id(p)] = len(lines) + 1
        lines += [p.text, ""]
    return "\n".join(lines).rstrip("\n") + "\n", where


def make_draft(art: Article, others: list[Article], rng: random.Random) -> tuple[str, dict[str, Any], bool]:
    paras = [Para(p.text) for p in art.paras]
    meta = dict(art.meta)
    labels: list[Label] = []
    injected: list[str] = []
    roll = rng.random()
    n = 0 if roll < 1 / 3 else (1 if roll < 0.8 else 2)
    kinds = rng.sample(sorted(KINDS) + ["no_byline", "no_date"], k=n) if n else []
    for kind in kinds:
        if kind in ("no_byline", "no_date"):
            key = "author" if kind == "no_byline" else "date"
            if meta.get(key):
                del meta[key]
                injected.append(kind)
            continue
        lab = inject(kind, paras, art, others, rng)
        if lab is not None:
            for p in lab.paras:
                p.labelled = True
            labels.append(lab)
            injected.append(kind)
    as_text = rng.random() < 0.5
    text, where = render(art, paras, meta, as_text)
    out_labels: list[dict[str, Any]] = []
    for lab in labels:
        lines = sorted({where[id(p)] for p in lab.paras if id(p) in where})
        if lines:
            out_labels.append({"kind": lab.kind, "category": lab.category, "lines": lines})
    if not meta.get("author"):
        out_labels.append({"kind": "no_byline", "category": "metadata", "rule": "byline", "lines": []})
    if not meta.get("date"):
        out_labels.append({"kind": "no_date", "category": "metadata", "rule": "date", "lines": []})
    info = {"lang": art.lang, "injected": injected or ["clean"], "labels": out_labels, "source": art.rel}
    return text, info, as_text


def build(
    field_dir: Path,
    out: Path,
    split_path: Path,
    seed: int,
    per_outlet: int,
    verdicts_path: Path,
    group: str = "holdout",
) -> dict[str, Any]:
    arts = holdout_articles(field_dir, split_path, per_outlet, defective(verdicts_path), group)
    if not arts:
        raise SystemExit(f"no held-out clean articles under {field_dir}/clean (see split {split_path})")
    rng = random.Random(seed)
    shutil.rmtree(out / "drafts", ignore_errors=True)
    (out / "drafts").mkdir(parents=True)
    labels: dict[str, Any] = {}
    for n, art in enumerate(arts):
        others = [a for a in arts if a.rel != art.rel]
        rng_others = others[rng.randrange(len(others)) :] + others  # a varying start for titles and foreign text
        text, info, as_text = make_draft(art, rng_others, rng)
        name = f"{n:04d}-{art.lang}.{'txt' if as_text else 'md'}"
        (out / "drafts" / name).write_text(text, encoding="utf-8")
        labels[name] = info
    (out / "labels.json").write_text(json.dumps(labels, ensure_ascii=False, indent=1), encoding="utf-8")
    return labels


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--field", type=Path, default=DEFAULT_FIELD)
    ap.add_argument("--out", type=Path, default=DEFAULT_FIELD / "injected")
    ap.add_argument("--split", type=Path, default=HERE / "split.yaml")
    ap.add_argument(
        "--verdicts", type=Path, default=HERE / "verdicts.yaml", help="articles with a judged real defect are left out"
    )
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--per-outlet", type=int, default=25, help="at most this many articles per outlet")
    ap.add_argument(
        "--group",
        choices=("holdout", "tune"),
        default="holdout",
        help="the outlets to draw from: holdout (the default, for measuring) or tune (for tuning rules, into "
        "another --out)",
    )
    args = ap.parse_args(argv)
    if args.group == "tune" and args.out == DEFAULT_FIELD / "injected":
        ap.error("--group tune needs its own --out: the default folder holds the held-out drafts")
    labels = build(args.field, args.out, args.split, args.seed, args.per_outlet, args.verdicts, args.group)
    kinds = sorted({k for v in labels.values() for k in v["injected"]})
    counts = {k: sum(k in v["injected"] for v in labels.values()) for k in kinds}
    print(f"{len(labels)} drafts in {args.out}: {counts}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
