#!/usr/bin/env bash
# Rebuild the field benchmark corpus (/work/data/field) and its injected-defect sets
# from snapshots of the public repositories benchmarks/field/MANIFEST.yaml lists.
#
#     benchmarks/field/rebuild.sh [MIRROR] [OUT]      # defaults: /work/.mirror /work/data/field
#
# Each repository must first be fetched into MIRROR/<owner>+<name>/repo (a bare git
# directory, or a checkout with .git/) holding the commit the manifest pins:
#
#   pmacinec/fake-news-datasets               0ea4a5ccaf7698cb44ba01855295989a8e26e144
#   jpposadas/FakeNewsCorpusSpanish           732f4870abd8d3f5ab4956fd92b040a7913614e3
#   wmt-conference/wmt21-news-systems         f41750dadbf2ba6ab01ca5380347d253298a3427
#   wmt-conference/wmt22-news-systems         20240a2e96a50e823ea8cdf37fd8af52547146e3
#   wmt-conference/wmt24-news-systems         bfa937ee53586aa173d68657b89b8642693f7b66
#   CalDev-id/INDOSUM2                        9280c93074959f0d99f1d48e9a2369373ff84248
#   anpandu/indonesian-news-scraper           9a5174e425f5c26363776f2a083d8ab0e39859cd
#   hafizbadrie/slasherrb                     9f36a9713d1fe07755f1ea64eb481194b53d1d2c (not the tip)
#   goose3/goose3                             c5a8902eed0c4592a1ff5ec51a0277cf73a3aca7
#   postlight/parser                          e8ba7ece291efa4d915d50dd4deeec17d54359f2
#   franciellevargas/FactNews                 4d6fbaf42cdc0b4b85d0ed4d0b0db1e3391001e9
#   mauricio-seiji/Dataset-news-articles-pt-br f84986779c20b0413c458ed7aa392e90a5f95c7b
#   boudinfl/wikinews-2013-pre                8ab885018297334ddaa869bbed38bd77cd0276b4
#   LIAAD/ClaimPT                             317a170356036a189408ae9b774a44be3e55ccad
#   DiogoFolques/CLEVER                       f9e8a4d6fcf09d953fbfb287f1a48ba172ea0d40
#
# Writes OUT/clean and OUT/scraped (2,377 clean articles, 858 scraped pages),
# OUT/injected (held-out outlets, seed 11: 524 drafts) and OUT/injected-tune (tune
# outlets, seed 11: 500 drafts). ingest.py also rewrites MANIFEST.yaml and split.yaml
# next to this script; a faithful rebuild leaves both unchanged (check `git diff`).
# PYTHON names the interpreter (default python3); it needs PyYAML.
set -euo pipefail

MIRROR=${1:-/work/.mirror}
OUT=${2:-/work/data/field}
PYTHON=${PYTHON:-python3}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# Every pinned commit must be in its snapshot: ingest.py reads files at that commit
# and stops at the first one it cannot read.
missing=0
while read -r repo commit; do
  base="$MIRROR/${repo/\//+}/repo"
  gitdir=$base
  [[ -d "$base/.git" ]] && gitdir=$base/.git
  if ! git --git-dir="$gitdir" cat-file -e "$commit^{commit}" 2>/dev/null; then
    echo "missing: $repo at $commit (expected in $base)" >&2
    missing=1
  fi
done < <("$PYTHON" - "$HERE/MANIFEST.yaml" <<'EOF'
import sys, yaml
sources = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))["sources"]
for repo, commit in sorted({(s["repository"], s["commit"]) for s in sources}):
    print(repo, commit)
EOF
)
[[ $missing -eq 0 ]] || { echo "fetch the repositories above first" >&2; exit 1; }

# The corpus: clean copy and scraped pages (a full run empties OUT/clean and OUT/scraped first).
"$PYTHON" "$HERE/ingest.py" --mirror "$MIRROR" --out "$OUT"

# The injected-defect sets: held-out outlets (what injected_report.py scores by default)
# and tune outlets (to tune rules on). Both seeded, so a rebuild gives the same drafts.
"$PYTHON" "$HERE/inject.py" --field "$OUT" --out "$OUT/injected"
"$PYTHON" "$HERE/inject.py" --field "$OUT" --group tune --out "$OUT/injected-tune"
