#!/usr/bin/env bash
# Second README command: install what is missing, build, and run every test
# through ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh release
ctest --preset release
