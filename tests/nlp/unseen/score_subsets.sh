#!/usr/bin/env bash
# Extract and score the unseen set overall and per language, from the repository root:
#   bash tests/nlp/unseen/score_subsets.sh [SCORER]   (SCORER defaults to ../shared/eval/score.py)
# `regintel extract` accepts only en/ru/auto, so the Kazakh documents are extracted from a
# temporary copy whose meta lang is replaced by "ru" (document ids are unchanged).
set -euo pipefail
SCORER=${1:-../shared/eval/score.py}
SET=tests/nlp/unseen
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir "$TMP/kk"
for meta in "$SET"/docs/*.meta.json; do
  id=$(basename "$meta" .meta.json)
  if grep -q '"lang": "kk"' "$meta"; then
    cp "$SET/docs/$id.txt" "$TMP/kk/"
    sed 's/"lang": "kk"/"lang": "ru"/' "$meta" > "$TMP/kk/$id.meta.json"
  else
    echo "$SET/docs/$id.txt"
  fi
done > "$TMP/direct.list"
xargs .venv/bin/regintel extract < "$TMP/direct.list" > "$TMP/pred.jsonl"
.venv/bin/regintel extract "$TMP"/kk/*.txt >> "$TMP/pred.jsonl"
for lang in en ru kk; do
  ids=$(grep -l "\"lang\": \"$lang\"" "$SET"/docs/*.meta.json | xargs -n1 basename | sed 's/.meta.json//' | paste -sd'|')
  grep -E "\"doc\": \"($ids)\"" "$SET/gold.jsonl" > "$TMP/gold-$lang.jsonl"
done
echo "=== all documents ==="; .venv/bin/python "$SCORER" "$TMP/pred.jsonl" --gold "$SET/gold.jsonl" --per-doc
for lang in en ru kk; do
  echo "=== $lang ==="; .venv/bin/python "$SCORER" "$TMP/pred.jsonl" --gold "$TMP/gold-$lang.jsonl" 2>/dev/null
done
