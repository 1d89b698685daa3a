#!/usr/bin/env bash
# Installs everything and runs the main job: the analysis of a sample narrative as the text report.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/legalcheck analyze "${1:-examples/sample.txt}" --format text
