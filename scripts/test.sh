#!/usr/bin/env bash
# Set up everything the tests need on a fresh Debian machine and run them.
# System packages (as root, only when missing): chromium for the browser tests,
# raptor2-utils for an independent RDF syntax check.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v rapper >/dev/null 2>&1 || missing+=(raptor2-utils)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
python3 -m venv .venv
.venv/bin/python -m pip install -q -U pip
.venv/bin/python -m pip install -q ".[test]"
.venv/bin/ruff check kg tests benchmarks scripts
.venv/bin/mypy kg
exec .venv/bin/python -m pytest -q "$@"
