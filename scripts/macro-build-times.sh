#!/usr/bin/env bash
# Build times of a crate with N `#[contract]` handlers against the same crate written from
# `cargo xtask scaffold --expand` output: clean builds and incremental rebuilds (edit one service).
# Not part of CI: it compiles axum, tokio and the macro from scratch, RUNS times for each form.
#
#   bash scripts/macro-build-times.sh [N=50] [RUNS=3]
#
# Prints one line per measurement, in seconds (wall clock, `cargo build`, dev profile), then the
# median of each.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-50}
RUNS=${2:-3}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

source scripts/lib/build-times.sh
write_issues "$WORK/issues" "$N"

cargo build --quiet --release -p xtask
XTASK=target/release/xtask
$XTASK scaffold "$WORK"/issues/*.md --crate "$WORK/attribute" > /dev/null
$XTASK scaffold "$WORK"/issues/*.md --crate "$WORK/expanded" --expand > /dev/null

# Each round alternates which form builds first, so neither gains from going second (a warm disk
# cache, a CPU that has not throttled yet).
order() { # round -> the two forms
  if (( $1 % 2 )); then echo attribute expanded; else echo expanded attribute; fi
}
RESULTS="$WORK/results"
measure() { # form what round command... -> prints and records elapsed seconds
  local form=$1 what=$2 round=$3 elapsed
  shift 3
  elapsed=$(cd "$WORK/$form" && export CARGO_TARGET_DIR="$WORK/target-$form" && seconds "$@")
  echo "$form $what, run $round: ${elapsed}s"
  echo "$what|$form|$elapsed" >> "$RESULTS"
}

# Fetch first, so the clean builds measure compiling only.
for form in attribute expanded; do
  (cd "$WORK/$form" && CARGO_TARGET_DIR="$WORK/target-$form" cargo fetch --quiet)
done
for round in $(seq 1 "$RUNS"); do
  for form in $(order "$round"); do
    rm -rf "$WORK/target-$form"
    measure "$form" "clean build (all dependencies)" "$round" cargo build
  done
done
for round in $(seq 1 "$RUNS"); do
  for form in $(order "$round"); do
    measure "$form" "rebuild of the crate alone" "$round" \
      bash -c "cargo clean --quiet -p $form && cargo build"
  done
done
for round in $(seq 1 "$RUNS"); do
  for form in $(order "$round"); do
    # The first operation file (a `head` here would trip `pipefail`).
    for service in "$WORK/$form"/src/services/*/*.rs; do
      [ "$(basename "$service")" != mod.rs ] && break
    done
    echo "// edit $round" >> "$service"
    measure "$form" "incremental rebuild (one service edited)" "$round" cargo build
  done
done

echo
echo "medians: #[contract] vs --expand"
awk -F'|' '
  { times[$1 "|" $2] = times[$1 "|" $2] " " $3; if (!seen[$1]++) whats[++n] = $1 }
  function median(list,   v, k, i, j, t) {
    k = split(list, v, " ")
    for (i = 2; i <= k; i++) for (j = i; j > 1 && v[j-1] + 0 > v[j] + 0; j--) { t = v[j]; v[j] = v[j-1]; v[j-1] = t }
    return (k % 2) ? v[(k + 1) / 2] : (v[k / 2] + v[k / 2 + 1]) / 2
  }
  END {
    for (i = 1; i <= n; i++) {
      a = median(times[whats[i] "|attribute"]); e = median(times[whats[i] "|expanded"])
      printf "%s: %.1fs vs %.1fs (%+.0f%%)\n", whats[i], a, e, (a / e - 1) * 100
    }
  }' "$RESULTS"
