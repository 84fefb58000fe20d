#!/usr/bin/env bash
# One-time set-up that `npm run demo` and `npm test` run first, so that each is
# a single command on a fresh Debian machine with Node 20:
#  - Debian's Chromium and Firefox ESR (and a CJK font for Korean text), installed
#    with apt-get when missing and we are root; otherwise a clear message;
#  - the locked npm dependencies (`npm ci`) when node_modules is missing or older
#    than package-lock.json.
# Idempotent and quick when everything is already there.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

need_browsers="${GLOSS_SETUP_BROWSERS:-chromium firefox-esr}"
missing=()
for pkg in $need_browsers; do
  [[ -x "/usr/bin/$pkg" ]] || missing+=("$pkg")
done
if command -v dpkg >/dev/null 2>&1 && ! dpkg -s fonts-noto-cjk >/dev/null 2>&1; then
  missing+=(fonts-noto-cjk)
fi
if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing ${missing[*]} with apt-get" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq </dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
  else
    echo "setup: missing Debian packages: ${missing[*]}." >&2
    echo "       Install them as root: apt-get install ${missing[*]}" >&2
    # The font is optional; the browsers are not.
    for pkg in "${missing[@]}"; do [[ $pkg == fonts-noto-cjk ]] || exit 1; done
  fi
fi

if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "setup: npm ci" >&2
  npm ci --no-audit --no-fund </dev/null
fi
