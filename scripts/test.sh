#!/usr/bin/env bash
# Runs the test suite. As root, inside a network namespace with only loopback up, so that any
# attempt to reach the internet fails the tests instead of passing silently.
set -euo pipefail
cd "$(dirname "$0")/.."
# The slowest tests are listed at the end, so each CI log shows where its time went.
run=(.venv/bin/python -m pytest -q -p no:cacheprovider --durations=15 "$@")
if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null && unshare -n true 2>/dev/null; then
  echo "[test] network cut: running under unshare -n (loopback only)" >&2
  exec unshare -n sh -c 'ip link set lo up 2>/dev/null || true; exec "$@"' sh "${run[@]}"
fi
echo "[test] not root: running with the network as it is" >&2
exec "${run[@]}"
