#!/usr/bin/env bash
# Installs legalcheck and its pinned dependencies into ./.venv (PyPI only; no downloads at run time).
# Usage: bash scripts/setup.sh [test]   — "test" adds the test tools.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if ! "$PY" -c 'import sys; assert sys.version_info >= (3, 11)' 2>/dev/null; then
  echo "legalcheck needs Python 3.11 or newer ($PY)" >&2; exit 1
fi
if [ ! -x .venv/bin/python ]; then
  if ! "$PY" -m venv .venv 2>/dev/null; then
    # minimal Debian: venv lives in its own package
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      apt-get update -qq && apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
      rm -rf .venv && "$PY" -m venv .venv
    else
      echo "python3 -m venv failed; install python3-venv" >&2; exit 1
    fi
  fi
fi
# Browser tests drive Debian's Chromium through Playwright (never `playwright install`): the browser,
# a Japanese font (one package, so screenshots render the same everywhere) and libatomic1 (Playwright's
# bundled driver needs it on a minimal Debian). Installed only as root, and only what is missing.
# The case-record tests also run against a real PostgreSQL server that they start themselves
# (tests/records/pgserver.py): Debian's postgresql, told not to create and start a default cluster.
if [ "${1:-}" = "test" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  missing=""
  for pkg in chromium fonts-ipafont-gothic libatomic1 postgresql; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
  done
  if [ -n "$missing" ]; then
    mkdir -p /etc/postgresql-common/createcluster.d
    echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.d/99-ci.conf
    echo "setup: apt-get install$missing" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
  fi
fi
.venv/bin/python -m pip install -q --upgrade pip
extra=""
[ "${1:-}" = "test" ] && extra="[test]"
# A regular (non-editable) install, so that the shipped data files are what the code finds.
.venv/bin/python -m pip install -q --force-reinstall --no-deps ".$extra" >/dev/null
.venv/bin/python -m pip install -q ".$extra"
