#!/usr/bin/env bash
# Scores the document reader on the public documents of tests/documents/public.tsv, as a user
# meets it (`inspect --json`), against what the list says each one defines.
#
#   bash scripts/score-public-documents.sh DIR [tune|unseen|all] [--fetch]
#
# DIR holds the texts as <id>.md. They are other people's files and stay out of the repository;
# with --fetch, the ones missing are downloaded from GitHub at the commit the list names (this
# needs the network). Tune the reader on `tune`; score `unseen` once, at the end of a change.
set -euo pipefail
cd "$(dirname "$0")/.."

dir=${1:?usage: score-public-documents.sh DIR [tune|unseen|all] [--fetch]}
half=${2:-tune}
fetch=${3:-}

if [ "$fetch" = --fetch ]; then
  mkdir -p "$dir"
  grep -v '^#' tests/documents/public.tsv | while IFS=$'\t' read -r id _ repo path commit _; do
    [ -f "$dir/$id.md" ] && continue
    curl -fsSL "https://raw.githubusercontent.com/$repo/$commit/$path" -o "$dir/$id.md" \
      || echo "could not fetch $id ($repo $path)" >&2
  done
fi

cargo build --quiet --release -p contract-to-code
cargo run --quiet --release -p contract-corpus --bin score-public-documents -- "$dir" --half "$half"
