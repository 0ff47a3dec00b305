#!/usr/bin/env bash
# Validates the OpenAPI documents `cargo xtask openapi` writes, with a validator no one here wrote
# (openapi-spec-validator, from PyPI, installed into target/ on first use).
# Usage: scripts/check-openapi.sh [ISSUE.md...]   (default: the valid corpus, tests/contracts/valid)
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/lib/python-tool.sh
bin=$(python_tool py-openapi 'openapi-spec-validator>=0.7,<1')

if [ $# -eq 0 ]; then
  set -- tests/contracts/valid/*.md
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cargo xtask openapi "$@" -o "$out/api.json"
cargo xtask openapi "$@" --yaml -o "$out/api.yaml"
"$bin/openapi-spec-validator" "$out/api.json" "$out/api.yaml"
