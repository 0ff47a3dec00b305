#!/usr/bin/env bash
# Validates the OpenAPI documents `cargo xtask openapi` writes, with a validator no one here wrote
# (openapi-spec-validator, from PyPI, installed into target/ on first use).
# Usage: scripts/check-openapi.sh [ISSUE.md...]   (default: the shared valid corpus)
set -euo pipefail
cd "$(dirname "$0")/.."

venv=target/py-openapi
if [ ! -x "$venv/bin/openapi-spec-validator" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check 'openapi-spec-validator>=0.7,<1'
fi

if [ $# -eq 0 ]; then
  set -- ../shared/contracts/valid/*.md
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cargo xtask openapi "$@" -o "$out/api.json"
cargo xtask openapi "$@" --yaml -o "$out/api.yaml"
"$venv/bin/openapi-spec-validator" "$out/api.json" "$out/api.yaml"
