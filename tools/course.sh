#!/usr/bin/env bash
# One entry point for the course: set up, build, test, benchmark, serve.
#
#   bash tools/course.sh setup    # .venv with the pinned packages, CmdStan
#   bash tools/course.sh build    # setup, execute every notebook, build _build/html
#   bash tools/course.sh test     # setup, then the whole test suite (what CI runs)
#   bash tools/course.sh bench    # setup, then cold and warm build times (tools/bench.py)
#   bash tools/course.sh sweep [--seeds N] [notebook ...]   # every notebook under N other seeds
#   bash tools/course.sh sheets   # exercise sheets: learners' copies without solutions, in _build/sheets
#   bash tools/course.sh serve    # serve _build/html on http://127.0.0.1:8000
#
# Idempotent: a second run reuses the venv (reinstalling only when requirements.txt
# changed), CmdStan, the compiled models and the executed notebooks, all of which live
# outside the repository (~/.cache/bmlm-course, or $BMLM_CACHE).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
venv="$repo/.venv"
say() { printf '[course] %s\n' "$*"; }

find_python() {
  # python3.12 may be a pyenv shim that is not active; try the usual places in turn.
  local c candidates=("${PYTHON:-}" python3.12)
  if command -v pyenv >/dev/null 2>&1; then
    candidates+=("$(pyenv root)"/versions/3.12*/bin/python3.12)
  fi
  candidates+=("$HOME"/.pyenv/versions/3.12*/bin/python3.12 /usr/local/bin/python3.12 /usr/bin/python3.12)
  for c in "${candidates[@]}"; do
    [ -n "$c" ] || continue
    if "$c" -c 'import sys, venv; sys.exit(sys.version_info[:2] != (3, 12))' >/dev/null 2>&1; then
      echo "$c"; return 0
    fi
  done
  return 1
}

system_packages() {
  # PyTensor links to OpenBLAS when the system has it; install it where we are allowed to.
  if ! ldconfig -p 2>/dev/null | grep -q 'libopenblas\.so '; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      say "installing libopenblas-dev (apt) so PyTensor can use BLAS"
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libopenblas-dev) >/dev/null 2>&1 \
        || say "could not install libopenblas-dev; continuing without it (PyMC samples with nutpie)"
    fi
  fi
}

browser_for_tests() {
  # the JupyterLab browser test drives Debian's Chromium (Playwright's own download needs the web)
  if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing chromium (apt) for the JupyterLab browser test"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 \
      || say "could not install chromium; the browser test will say so"
  fi
}

setup() {
  local py req_hash
  if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 12))' 2>/dev/null; then
    py="$(find_python)" || { echo "Python 3.12 is needed: install it, or set PYTHON=/path/to/python3.12" >&2; exit 1; }
    say "creating .venv with $("$py" --version)"
    rm -rf "$venv"
    "$py" -m venv "$venv"
  fi
  req_hash="$("$venv/bin/python" -c 'import hashlib; print(hashlib.sha256(open("requirements.txt", "rb").read()).hexdigest())')"
  if [ "$(cat "$venv/.requirements.sha256" 2>/dev/null)" != "$req_hash" ]; then
    say "installing the pinned packages from requirements.txt (2-4 minutes on a fresh machine)"
    # (machines with local package mirrors configured warn about each missing one: drop those lines)
    "$venv/bin/python" -m pip install --quiet --progress-bar off -r requirements.txt 2>&1 \
      | { grep -v '^WARNING: Location .* is ignored' || true; }
    echo "$req_hash" > "$venv/.requirements.sha256"
  fi
  if ! "$venv/bin/python" -P -c "import helpers, sys; sys.exit(helpers.__file__ != '$repo/helpers/__init__.py')" 2>/dev/null; then
    say "installing the course library (helpers) in editable mode"
    "$venv/bin/python" -m pip install --quiet --no-deps --no-build-isolation -e "$repo" 2>&1 \
      | { grep -v '^WARNING: Location .* is ignored' || true; }
  fi
  "$venv/bin/python" -m tools.environment
  system_packages
  "$venv/bin/python" -m tools.cmdstan
}

cmd="${1:-}"
[ $# -gt 0 ] && shift
case "$cmd" in
  setup) setup ;;
  build) setup; "$venv/bin/python" -m tools.site "$@" ;;
  test)
    setup
    browser_for_tests
    # every notebook really executes in a test run: notebooks cached by earlier runs are not
    # accepted (set BMLM_RUN_ID= , empty, to accept them while iterating locally)
    export BMLM_RUN_ID="${BMLM_RUN_ID-test-$(date +%s)-$$}"
    "$venv/bin/python" -m pytest tests -n 2 --dist loadgroup "$@" ;;
  bench) setup; "$venv/bin/python" -m tools.bench "$@" ;;
  sweep) setup; "$venv/bin/python" -m tools.sweep "$@" ;;
  sheets) setup; "$venv/bin/python" -m tools.sheets "$@" ;;
  serve) "$venv/bin/python" -m http.server --directory _build/html --bind 127.0.0.1 "${1:-8000}" ;;
  *) sed -n '2,13p' "$0"; exit 2 ;;
esac
