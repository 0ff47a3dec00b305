#!/usr/bin/env bash
# What a user waits for after each edit: in a crate scaffolded from N one-endpoint issues,
# `cargo build --tests` after a one-line change to `src/lib.rs`, beside `cargo build` (the
# library and the binary alone) after the same change, and how many test binaries the crate has.
# Issue 14's target: at 100 endpoints, the tests' rebuild no more than twice the lib-and-binary's.
# Not part of CI: it compiles axum, tokio and the macro once, then each crate.
#
#   bash scripts/test-build-times.sh [N...]        (default: 10 50 100)
#
# Prints one line per crate size, in seconds (wall clock, dev profile), the median of RUNS=3 edits.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(10 50 100)
RUNS=${RUNS:-3}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

cargo build --quiet --release -p contract-to-code
TOOL="$PWD/target/release/cargo-contract-to-code"
# The crates share one target directory: the dependencies are built once.
export CARGO_TARGET_DIR="$WORK/target"
CONTRACT="{ path = \"$PWD/contract\" }"
source scripts/lib/build-times.sh

median() { # numbers... -> their median
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

for n in "${SIZES[@]}"; do
  issues="$WORK/issues-$n"
  write_issues "$issues" "$n"
  crate="$WORK/api-$n"
  "$TOOL" scaffold "$issues"/*.md --crate "$crate" --contract-dep "$CONTRACT" > /dev/null
  binaries=$(find "$crate/tests" -maxdepth 1 -name '*.rs' | wc -l)
  binaries=$((binaries + $(find "$crate/tests" -mindepth 2 -maxdepth 2 -name main.rs | wc -l)))
  # Everything built once, so each measurement is the edit's rebuild alone.
  (cd "$crate" && cargo build --quiet --tests)
  lib=()
  tests=()
  for round in $(seq 1 "$RUNS"); do
    echo "// edit $round" >> "$crate/src/lib.rs"
    lib+=("$(cd "$crate" && seconds cargo build)")
    echo "// edit $round, again" >> "$crate/src/lib.rs"
    tests+=("$(cd "$crate" && seconds cargo build --tests)")
  done
  printf '%s endpoints, %s test binaries: cargo build --tests %.1fs, cargo build %.1fs (%.1fx)\n' \
    "$n" "$binaries" "$(median "${tests[@]}")" "$(median "${lib[@]}")" \
    "$(echo "$(median "${tests[@]}") / $(median "${lib[@]}")" | bc -l)"
done
