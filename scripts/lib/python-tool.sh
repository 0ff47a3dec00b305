# Sourced by the scripts that run a Python tool from PyPI: `python_tool DIR SPEC` makes sure a venv
# under target/ holds it (installed on first use only) and prints the venv's bin directory.
python_tool() {
  local venv="target/$1" spec="$2"
  if [ ! -f "$venv/.installed" ] || [ "$(cat "$venv/.installed")" != "$spec" ]; then
    python3 -m venv "$venv" >&2
    "$venv/bin/pip" install --quiet --disable-pip-version-check "$spec" >&2
    printf '%s' "$spec" >"$venv/.installed"
  fi
  printf '%s\n' "$venv/bin"
}
