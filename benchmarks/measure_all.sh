#!/bin/bash
# Every detection figure of the closing notes in one run: false alarms on clean copy,
# junk-line recall on scraped pages, injected-defect precision and recall.
#
#   bash benchmarks/measure_all.sh [PYTHON] > figures.txt
#
# Run from a checkout whose package PYTHON imports (an editable install). The data sets
# live outside the repository, in /work/data: benchmarks/field/rebuild.sh and
# benchmarks/fresh/rebuild.sh rebuild them from fetched snapshots. A set that is not
# there is named and skipped.
set -u
PY=${1:-python}
DATA=${DATA:-/work/data}
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here" || exit 1

have() {
  [[ -e "$1" ]] && return 0
  echo "(not built: $1)"
  return 1
}
title() { printf '\n== %s\n' "$*"; }

title "clean: field corpus, false alarms per 100 articles"
have "$DATA/field/clean" && "$PY" benchmarks/field_score.py clean --field "$DATA/field"
title "clean: fresh set"
have "$DATA/fresh/clean" && "$PY" benchmarks/field_score.py clean --field "$DATA/fresh" \
  --split benchmarks/fresh/split.yaml --verdicts benchmarks/fresh/verdicts.yaml
title "clean: shared corpus (warnings and errors other than missing metadata)"
"$PY" -m newslint check --format json /work/shared/corpus/clean 2>/dev/null | "$PY" -c '
import json, sys
found = [f for doc in json.load(sys.stdin)["files"] for f in doc["findings"]
         if f["severity"] != "info" and not f["rule"].startswith("metadata/missing")]
print(len(found), "warnings and errors (judged in benchmarks/precision-verdicts.yaml)")'


title "scraped: field"
have "$DATA/field/scraped" && "$PY" benchmarks/field_score.py scraped --field "$DATA/field"
for set in scraped2 scrapedms scrapedx scraped8 scraped9 scraped10; do
  title "scraped: $set"
  labels=(--labels "benchmarks/$set/labels.yaml")
  [[ -f "benchmarks/$set/labels-round3.yaml" ]] && labels+=(--labels "benchmarks/$set/labels-round3.yaml")
  have "$DATA/$set" && "$PY" benchmarks/field_score.py scraped --field "$DATA/$set" \
    --split "benchmarks/$set/split.yaml" "${labels[@]}"
done

# Hand verdicts on the drafts' source articles, written on clean copy before and apart from this
# scoring: a finding one of them judged a real defect of the source counts apart ("source",
# "adjusted"; the plain precision still counts it). Verdicts written by the truncation round that
# added this column (verdicts-trunc15.yaml) are left out of it.
verdicts() {
  local f
  for f in "benchmarks/$1"/verdicts*.yaml; do
    [[ "$f" == */verdicts-trunc15.yaml ]] || printf -- '--verdicts\n%s\n' "$f"
  done
}
for set in field/injected fresh/injected-293 fresh3/injected-280 ms2/injected-b fresh4/injected fresh6/injected; do
  title "injected: $set"
  corpus=fresh
  [[ $set == field/* ]] && corpus=field
  mapfile -t judged < <(verdicts "$corpus")
  have "$DATA/$set" && "$PY" benchmarks/injected_report.py "$DATA/$set" "${judged[@]}"
done
title "injected: the development set"
# (the shared scorer runs `newslint` from PATH: the one installed next to PYTHON)
PATH="$(dirname "$(command -v "$PY")"):$PATH" "$PY" /work/shared/tools/score.py /work/shared/corpus/dev
title "noisy corpus"
"$PY" benchmarks/noisy_score.py
