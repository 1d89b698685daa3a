#!/usr/bin/env bash
# Installs everything (with the test tools) and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
# tests/test_installed.py checks the installed wheel and its shipped data from outside the checkout
exec .venv/bin/python -m pytest -p no:cacheprovider "$@"
