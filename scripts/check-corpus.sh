#!/usr/bin/env bash
# Runs the corpus checks over a folder of issues laid out like tests/contracts/ (valid/, invalid/):
# every valid issue loads, and all of them together scaffold into a new crate that builds without
# a warning and whose generated tests pass; every invalid issue is refused with exit status 2, a
# diagnostic at `file:line:column`, and nothing written.
# The repository's own corpus gets stricter checks from `cargo test`; this is for another one.
# Usage: scripts/check-corpus.sh DIR
set -euo pipefail
corpus=$(cd "$1" && pwd)
cd "$(dirname "$0")/.."

shopt -s nullglob
valid=("$corpus"/valid/*.md)
invalid=("$corpus"/invalid/*.md)
if [ ${#valid[@]} -eq 0 ] && [ ${#invalid[@]} -eq 0 ]; then
  echo "check-corpus: no issues in $corpus/valid or $corpus/invalid" >&2
  exit 2
fi
cargo build --quiet --package xtask
xtask=target/debug/xtask
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0

for issue in "${valid[@]}"; do
  if ! NO_COLOR=1 "$xtask" inspect "$issue" >/dev/null 2>"$work/err"; then
    echo "FAIL valid ${issue#"$corpus"/} is refused:" && cat "$work/err"
    failed=$((failed + 1))
  fi
done
if [ ${#valid[@]} -gt 0 ]; then
  # This checkout's `contract`, and the target directory the end-to-end tests share.
  CONTRACT_TO_CODE_DEP="{ path = \"$PWD/contract\" }" "$xtask" scaffold "${valid[@]}" --crate "$work/api" >/dev/null
  log=$(cd "$work/api" && CARGO_TARGET_DIR="$OLDPWD/target/e2e" cargo test 2>&1) || {
    echo "FAIL the valid issues' crate does not pass its tests:" && echo "$log"
    failed=$((failed + 1))
  }
  if grep -q '^warning' <<<"$log"; then
    echo "FAIL the valid issues' crate builds with warnings:" && echo "$log"
    failed=$((failed + 1))
  fi
fi

for issue in "${invalid[@]}"; do
  name=${issue#"$corpus"/}
  status=0
  NO_COLOR=1 "$xtask" scaffold "$issue" --crate "$work/refused" >/dev/null 2>"$work/err" || status=$?
  if [ "$status" -ne 2 ]; then
    echo "FAIL $name: exit status $status, not 2" && cat "$work/err"
    failed=$((failed + 1))
  elif ! grep -qE -- "--> .*$(basename "$issue"):[0-9]+:[0-9]+" "$work/err"; then
    echo "FAIL $name: no file:line:column in the diagnostic" && cat "$work/err"
    failed=$((failed + 1))
  elif [ -e "$work/refused" ]; then
    echo "FAIL $name: refused, but something was written" && ls -R "$work/refused"
    failed=$((failed + 1))
  fi
done

total=$((${#valid[@]} + (${#valid[@]} > 0 ? 1 : 0) + ${#invalid[@]}))
echo "check-corpus: $((total - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
