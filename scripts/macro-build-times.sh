#!/usr/bin/env bash
# Build times of a crate with N `#[contract]` handlers against the same crate written from
# `cargo xtask scaffold --expand` output: clean builds and incremental rebuilds (edit one service).
# Not part of CI: it compiles axum, tokio and the macro from scratch, twice.
#
#   bash scripts/macro-build-times.sh [N=50] [RUNS=3]
#
# Prints one line per measurement, in seconds (wall clock, `cargo build`, dev profile).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-50}
RUNS=${2:-3}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# N issues, each one endpoint with a path parameter, a JSON body, a nested response and errors.
mkdir -p "$WORK/issues"
for i in $(seq -w 1 "$N"); do
  cat > "$WORK/issues/thing-$i.md" <<ISSUE
---
title: '[Backend] Update thing $i'
---

**API Contract:**
\`\`\`javascript
PUT /api/things$i/:id
Headers: { Authorization: "Bearer <token>" }
Request: { name: string, tags?: string[], status: "open" | "done", size: integer }
Response: { success: boolean, data: { id: string, name: string, updatedAt: string, owner: { id: string, email: string } } }
Errors: { 400: "Bad request", 401: "Unauthorized", 404: "Thing $i not found", 409: "Conflict" }
\`\`\`
ISSUE
done

cargo build --quiet --release -p xtask
XTASK=target/release/xtask
$XTASK scaffold "$WORK"/issues/*.md --crate "$WORK/attribute" > /dev/null
$XTASK scaffold "$WORK"/issues/*.md --crate "$WORK/expanded" --expand > /dev/null

seconds() { # command... -> elapsed seconds
  local start end
  start=$(date +%s.%N)
  "$@" > /dev/null 2>&1
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

for form in attribute expanded; do
  dir="$WORK/$form"
  export CARGO_TARGET_DIR="$WORK/target-$form"
  # Fetch first, so the clean build measures compiling only.
  (cd "$dir" && cargo fetch --quiet)
  clean=$(cd "$dir" && seconds cargo build)
  echo "$form clean build (all dependencies): ${clean}s"
  for run in $(seq 1 "$RUNS"); do
    crate_only=$(cd "$dir" && cargo clean --quiet -p "$form" && seconds cargo build)
    echo "$form rebuild of the crate alone (dependencies built), run $run: ${crate_only}s"
  done
  # The first operation file (a `head` here would trip `pipefail`).
  for service in "$dir"/src/services/*/*.rs; do
    [ "$(basename "$service")" != mod.rs ] && break
  done
  for run in $(seq 1 "$RUNS"); do
    echo "// edit $run" >> "$service"
    incremental=$(cd "$dir" && seconds cargo build)
    echo "$form incremental rebuild (one service edited), run $run: ${incremental}s"
  done
done
