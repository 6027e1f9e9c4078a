#!/usr/bin/env bash
# Starts the machine's PostgreSQL cluster (Debian's pg_ctlcluster) and lets
# local TCP connections in as postgres without a password, as the tests and
# `make run` expect. For development and CI machines only.
set -euo pipefail
version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
if [ -z "$version" ]; then
  echo "PostgreSQL is not installed: apt-get install postgresql (or set DATABASE_URL)" >&2
  exit 1
fi
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
fi
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
if ! psql -h 127.0.0.1 -U postgres -d postgres -tAc 'SELECT 1' >/dev/null 2>&1; then
  hba="/etc/postgresql/$version/main/pg_hba.conf"
  echo "Allowing local TCP connections without a password ($hba)"
  sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
  pg_ctlcluster --skip-systemctl-redirect "$version" main reload
  sleep 1
fi
psql -h 127.0.0.1 -U postgres -d postgres -tAc 'SELECT 1' >/dev/null
