# Sourced by the scripts that time builds of scaffolded crates.

# `write_issues DIR N`: N issues in DIR, each one endpoint with a path parameter, a JSON body, a
# nested response and errors.
write_issues() {
  local dir=$1 n=$2 i
  mkdir -p "$dir"
  for i in $(seq -w 1 "$n"); do
    cat > "$dir/thing-$i.md" <<ISSUE
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
}

# `seconds COMMAND...`: the command's wall-clock time, its output discarded; a failed command
# stops the script with its output, so that no failure is timed as a build.
seconds() {
  local start end log
  log=$(mktemp)
  start=$(date +%s.%N)
  if ! "$@" > "$log" 2>&1; then
    cat "$log" >&2
    echo "failed: $*" >&2
    rm -f "$log"
    exit 1
  fi
  end=$(date +%s.%N)
  rm -f "$log"
  echo "$end - $start" | bc
}
