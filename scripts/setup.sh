#!/usr/bin/env bash
# Set up everything the archive needs on a fresh Debian machine. Idempotent.
#   scripts/setup.sh          Python venv (.venv) and npm packages: enough to import and build
#   scripts/setup.sh --test   also what the test suite needs: Debian chromium, CJK fonts, Java,
#                             LibreOffice (the importer converts .doc files with it), the test-only
#                             tools (requirements-test.txt: zizmor) and the benchmark's Python
#                             packages (Pagefind, which tests/bench compares against)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--test" ]; then
  need=()
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || need+=(fonts-noto-cjk)
  command -v java >/dev/null 2>&1 || need+=(openjdk-17-jre-headless)
  command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
  if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" != 0 ]; then
      echo "setup: the tests need the Debian packages: ${need[*]} (run as root or install them)" >&2
      exit 1
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
  fi
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -r requirements.txt
if [ "${1:-}" = "--test" ]; then
  .venv/bin/pip install -q --disable-pip-version-check -r requirements-test.txt -r requirements-bench.txt
fi
npm ci --no-audit --no-fund --loglevel=error
