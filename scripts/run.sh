#!/usr/bin/env bash
# Installs everything and starts the web pages and the HTTP API on localhost (`legalcheck serve`;
# it prints the address). Options go to `legalcheck serve` (e.g. --workers 2 --port 8080); a file
# argument prints the text report of that narrative instead.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
  exec .venv/bin/legalcheck analyze "$1" --format text
fi
exec .venv/bin/legalcheck serve "$@"
