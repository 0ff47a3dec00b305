#!/usr/bin/env bash
# What a new user waits for once: the cold `cargo build` of a crate scaffolded from the example's
# issues, in a target directory of its own, and how many crates it compiles. Issue 17 compares
# checked strings with typed fields (`uuid::Uuid`, a date-time type) by this measure.
# Not part of CI: it compiles axum, tokio and serde from nothing, RUNS=3 times.
#
#   bash scripts/cold-build.sh            # the crate as scaffold writes it (checked strings)
#   TYPED=1 bash scripts/cold-build.sh    # plus what typed fields would need: uuid and jiff
#
# Prints the crate count and the median wall-clock time (dev profile) of the cold builds.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
source scripts/lib/build-times.sh

cargo build --quiet --release -p contract-to-code
"${CARGO_TARGET_DIR:-$PWD/target}/release/cargo-contract-to-code" scaffold examples/todo-api/issues/*.md \
  --crate "$WORK/api" --contract-dep "{ path = \"$PWD/contract\" }" > /dev/null
if [ -n "${TYPED:-}" ]; then
  # What `uuid::Uuid` and a `jiff` date-time in the generated types would add to every build.
  sed -i 's/^\[dependencies\]$/[dependencies]\nuuid = { version = "1", features = ["serde"] }\njiff = { version = "0.2", features = ["serde"] }/' \
    "$WORK/api/Cargo.toml"
fi
(cd "$WORK/api" && cargo fetch --quiet)
times=()
for round in $(seq 1 "$RUNS"); do
  rm -rf "$WORK/target"
  times+=("$(cd "$WORK/api" && CARGO_TARGET_DIR="$WORK/target" seconds cargo build)")
done
crates=$(cd "$WORK/api" && cargo tree --edges normal,build --prefix none --no-dedupe | sed 's/ (\*)$//' | sort -u | wc -l)
median=$(printf '%s\n' "${times[@]}" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
printf '%s crates, cold cargo build %.2fs (median of %s: %s)\n' "$crates" "$median" "$RUNS" "${times[*]}"
