#!/usr/bin/env bash
# Lighthouse (mobile) scores of the home, an article and a place page: a report, not a gate.
#
# usage: scripts/lighthouse.sh [PAGE_PATH...]
#   Builds content/ for production into a temp folder with SITEURL=http://127.0.0.1:PORT (so
#   canonical links, feeds and the sitemap are those of the served site), serves it, runs
#   Lighthouse on each page and prints one JSON line per page: the four category scores and
#   the audits scoring under 0.9. Default pages: home, the newest article, the deepest place.
# env: CHROME_PATH (default /usr/bin/chromium), LH_PRESET=desktop, LH_KEEP=DIR (JSON reports).
# Installs Lighthouse 12.8.2 into scripts/lighthouse/ on first use (npm ci, ~200 MB).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
lhdir="$root/scripts/lighthouse"
lh="$lhdir/node_modules/.bin/lighthouse"
py="$root/.venv/bin/python"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
[ -x "$lh" ] || npm ci --prefix "$lhdir" --no-audit --no-fund --loglevel=error

work="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

port="$("$py" -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')"
base="http://127.0.0.1:$port"
(cd "$root" && SITEURL="$base" "$py" -m pelican content -o "$work/site" -s publishconf.py \
  --fatal errors -q)
# Served like GitHub Pages serves it (gzip, Cache-Control: max-age=600), so the scores are
# about the site and not about python -m http.server.
"$py" "$root/scripts/lighthouse_server.py" "$port" "$work/site" >/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do "$py" -c "import urllib.request;urllib.request.urlopen('$base/',timeout=1)" 2>/dev/null && break; sleep 0.1; done

pages=("$@")
if [ ${#pages[@]} -eq 0 ]; then
  article="$(cd "$work/site" && ls -d articles/*/*/ | grep -v /undated/ | sort -r | head -1)"
  place="$(cd "$work/site" && ls -d places/*/ | awk '{ print length($0) " " $0 }' | sort -n | tail -1 | cut -d' ' -f2)"
  pages=("" "$article" "$place")
fi

flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
flags+=" --disable-background-networking --disable-component-update --disable-sync"
i=0
for page in "${pages[@]}"; do
  i=$((i + 1))
  report="$work/report-$i.json"
  mkdir -p "$work/profile-$i"
  extra=()
  [ "${LH_PRESET:-}" = desktop ] && extra+=(--preset=desktop)
  if ! "$lh" "$base/$page" --quiet --output=json --output-path="$report" "${extra[@]}" \
      --chrome-flags="$flags --user-data-dir=$work/profile-$i" 2>"$work/stderr-$i"; then
    echo "{\"url\": \"$base/$page\", \"error\": \"lighthouse failed\"}"
    grep -v 'unexpected operator' "$work/stderr-$i" >&2 || true
    continue
  fi
  [ -n "${LH_KEEP:-}" ] && mkdir -p "$LH_KEEP" && cp "$report" "$LH_KEEP/$(echo "${page:-home}" | tr '/' '_').json"
  node -e '
    const r = require(process.argv[1]);
    const out = {page: process.argv[2] || "/"};
    for (const k of ["performance", "accessibility", "best-practices", "seo"]) {
      const c = r.categories[k];
      out[k] = c && c.score !== null ? Math.round(c.score * 100) : null;
    }
    out.below_0_9 = Object.values(r.audits)
      .filter(a => a.score !== null && a.score < 0.9 &&
                   !["informative", "manual", "notApplicable"].includes(a.scoreDisplayMode))
      .map(a => a.id);
    console.log(JSON.stringify(out));
  ' "$report" "$page"
done
