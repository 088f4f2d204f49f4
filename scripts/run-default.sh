#!/usr/bin/env bash
# First README command: install what is missing, build, and run filmtherm's
# main job on its built-in default example.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh release
exec scripts/default-example.sh
