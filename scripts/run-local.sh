#!/usr/bin/env bash
# `make run`: make sure PostgreSQL and Meilisearch are there, apply the
# migrations, load the demo data once and serve the portal.
# DATABASE_URL / MEILI_URL, when set, are used as they are.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .data

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# What the portal needs on this machine: installed with apt-get when root
# (otherwise the exact command is printed), PostgreSQL started, the pinned
# Meilisearch fetched.
scripts/setup.sh run

# --- PostgreSQL ---------------------------------------------------------
if [ -z "${DATABASE_URL:-}" ]; then
  export DATABASE_URL="postgres://postgres@127.0.0.1:5432/hoptac?sslmode=disable"
  if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    say "Starting the local PostgreSQL cluster"
    scripts/start-postgres.sh
  fi
  if ! psql -h 127.0.0.1 -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'hoptac'" | grep -q 1; then
    say "Creating database hoptac"
    psql -h 127.0.0.1 -U postgres -d postgres -qc 'CREATE DATABASE hoptac'
  fi
fi

# --- Meilisearch --------------------------------------------------------
if [ -z "${MEILI_URL:-}" ]; then
  export MEILI_URL="http://127.0.0.1:7700"
  if [ -z "${MEILI_MASTER_KEY:-}" ]; then
    [ -s .data/meili.key ] || head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' > .data/meili.key
    export MEILI_MASTER_KEY="$(cat .data/meili.key)"
  fi
  if ! curl -fsS "$MEILI_URL/health" >/dev/null 2>&1; then
    scripts/start-meili.sh
  fi
fi

say "Building hoptac"
go build -o bin/hoptac ./cmd/hoptac

say "Applying migrations"
bin/hoptac migrate
say "Loading demo data (only the first time)"
bin/hoptac seed

addr="${HTTP_ADDR:-:8080}"
say "Portal: http://localhost:${addr##*:}  (stop with Ctrl+C; 'make stop' also stops Meilisearch)"
exec bin/hoptac serve
