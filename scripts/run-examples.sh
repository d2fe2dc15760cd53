#!/usr/bin/env bash
# Set up kg in a fresh virtual environment and build the bundled example articles into exports/examples/.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q -U pip
.venv/bin/python -m pip install -q .
exec .venv/bin/kg build examples -o exports/examples "$@"
