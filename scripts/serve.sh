#!/usr/bin/env bash
# Installs everything and starts the web pages and the HTTP API (http://127.0.0.1:8000/ by default).
# Extra arguments go to `legalcheck serve` (e.g. --workers 2 --host 0.0.0.0 --port 8080).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/legalcheck serve "$@"
