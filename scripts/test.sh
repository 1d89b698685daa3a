#!/usr/bin/env bash
# Installs everything (with the test tools) and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
# run from a temp dir so the tests exercise the installed package and its shipped data
exec .venv/bin/python -m pytest -p no:cacheprovider "$@"
