#!/usr/bin/env bash
# Conformance: schemathesis (a tester no one here wrote) drives the example service with the OpenAPI
# document `cargo xtask openapi` writes for its issues: no 5xx, no status the document does not list,
# every body matching its schema, invalid data refused. Bounded: 50 examples per operation, a fixed
# seed, loopback only. Usage: scripts/schemathesis.sh [--mock] [extra schemathesis options]
#
# With --mock, the same checks drive `cargo xtask mock` serving the same issues instead: the mock
# must answer as the generated handlers do.
#
# Every check runs, positive_data_acceptance included: the issues state their bounds (a title of 1
# to 200 characters with one that is not a space, tab or line break, `limit` 1 to 100), and the
# document gives integers as `int64`, so every request the document
# calls valid is one the service accepts (or answers with a status schemathesis expects of a valid
# request: 404 for an unknown id, 409 for a title taken).
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/lib/python-tool.sh
bin=$(python_tool py-schemathesis 'schemathesis>=4,<5')

work=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

target_name="the example service"
if [ "${1:-}" = "--mock" ]; then
  shift
  target_name="the mock"
fi

cargo xtask openapi examples/todo-api/issues/*.md --title "todo-api" -o "$work/openapi.json"
token=schemathesis-token
if [ "$target_name" = "the mock" ]; then
  cargo build --quiet -p xtask
  target/debug/xtask mock examples/todo-api/issues/*.md --port 0 --token "$token" >"$work/server.log" 2>&1 &
else
  cargo build --quiet -p todo-api
  PORT=0 TODO_API_TOKEN=$token target/debug/todo-api >"$work/server.log" 2>&1 &
fi
server=$!
address=""
for _ in $(seq 1 100); do
  address=$(grep -o 'listening on http://[^ ]*' "$work/server.log" | head -n 1 | sed 's/listening on //' || true)
  [ -n "$address" ] && break
  sleep 0.1
done
if [ -z "$address" ]; then
  echo "$target_name did not start:" >&2
  cat "$work/server.log" >&2
  exit 1
fi
# The example says 0.0.0.0 (the mock 127.0.0.1); talk to either on loopback only.
url="http://127.0.0.1:${address##*:}"

"$bin/schemathesis" run "$work/openapi.json" \
  --url "$url" \
  --checks all \
  --max-examples 50 \
  --seed 20261124 \
  --header "Authorization: Bearer $token" \
  --workers 1 \
  "$@"
