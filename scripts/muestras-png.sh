#!/usr/bin/env bash
# Renders the sample jornadas and keeps the first page of each PDF as a PNG under docs/muestras/,
# so the README shows what the output looks like. Uses a throwaway registry and output folder.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
npm run --silent boletin -- data/jornadas/*.json --formatos pdf --salida "$work/salida" --datos "$work/datos" >/dev/null
mkdir -p docs/muestras
# Named by the jornada's slug; a second sample of the same jornada (a variant built to show a field) keeps its
# number too, so it does not overwrite the first.
declare -A seen=()
for pdf in "$work"/salida/*/*.pdf; do
  name=$(basename "$pdf" .pdf)
  slug=${name#[0-9][0-9][0-9]-}
  if [ -n "${seen[$slug]:-}" ]; then slug="$slug-${name%%-*}"; fi
  seen[$slug]=1
  pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$pdf" "docs/muestras/$slug"
done
ls docs/muestras
