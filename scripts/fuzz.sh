#!/usr/bin/env bash
# Builds the libFuzzer targets (preset "fuzz": clang, ASan + UBSan) and runs
# each for a given time, starting from the kept regression corpus
# (tests/fuzz/corpus/<target>/) and, for the device loader, the examples.
# New inputs go to <build>/fuzz-corpus/<target>/; crashes to <build>/fuzz-artifacts/.
# Usage: scripts/fuzz.sh [seconds per target, default 300] [target...]
#   FUZZ_BUILD_DIR  build folder (default build/fuzz)
#   FUZZ_JOBS       parallel fuzzing processes per target (default 1)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-300}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(fuzz_quantity_parser fuzz_device_loader); fi
build="${FUZZ_BUILD_DIR:-build/fuzz}"
jobs="${FUZZ_JOBS:-1}"

cmake --preset fuzz -B "$build" >/dev/null
cmake --build "$build" --target "${targets[@]}" filmtherm_builtin

status=0
for target in "${targets[@]}"; do
  corpus="$build/fuzz-corpus/$target"
  artifacts="$build/fuzz-artifacts/$target/"
  mkdir -p "$corpus" "$artifacts"
  seeds=("tests/fuzz/corpus/$target")
  options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
           -artifact_prefix="$artifacts")
  if [ "$target" = fuzz_device_loader ]; then
    seeds+=(examples/devices examples/materials tests/data/devices/valid tests/data/devices/invalid)
    options+=(-max_len=4096 -dict=tests/fuzz/device_loader.dict)
  else
    options+=(-max_len=256)
  fi
  if [ "$jobs" -gt 1 ]; then options+=(-jobs="$jobs" -workers="$jobs"); fi
  echo "== $target for ${seconds}s"
  if ! "$build/bin/$target" "${options[@]}" "$corpus" "${seeds[@]}"; then
    echo "== $target found a problem: see $artifacts" >&2
    status=1
  fi
done
exit $status
