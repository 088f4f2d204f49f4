#!/usr/bin/env bash
# Builds the libFuzzer targets (preset "fuzz": clang, ASan + UBSan) and runs
# each for a given time, starting from the kept regression corpus
# (tests/fuzz/corpus/<target>/) and, for the device loader, the examples.
# New inputs go to <build>/fuzz-corpus/<target>/; crashes to <build>/fuzz-artifacts/.
# Usage: scripts/fuzz.sh [--smoke] [seconds per target, default 300] [target...]
#   --smoke         the CI run: 30 s per target (unless seconds are given),
#                   fails on the first crash, leak, time-out or sanitizer report
#   FUZZ_BUILD_DIR  build folder (default build/fuzz)
#   FUZZ_JOBS       parallel fuzzing processes per target (default 1)
#   FUZZ_BUILD_JOBS build jobs (default: the cores this process may use)
# Exit status: 0 when no target found a problem, 1 otherwise (the inputs are
# in <build>/fuzz-artifacts/<target>/: replay one with `<build>/bin/<target> FILE`).
set -euo pipefail
cd "$(dirname "$0")/.."
smoke=0
if [ "${1:-}" = --smoke ]; then
  smoke=1
  shift
fi
default_seconds=300
if [ $smoke -eq 1 ]; then default_seconds=30; fi
seconds="${1:-$default_seconds}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(fuzz_quantity_parser fuzz_device_loader); fi
build="${FUZZ_BUILD_DIR:-build/fuzz}"
jobs="${FUZZ_JOBS:-1}"
build_jobs="${FUZZ_BUILD_JOBS:-$(nproc)}"

configure=(--preset fuzz -B "$build")
if command -v ccache >/dev/null; then
  configure+=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
start=$(date +%s)
cmake "${configure[@]}" >/dev/null
cmake --build "$build" -j "$build_jobs" --target "${targets[@]}" filmtherm_builtin
echo "== fuzz targets built in $(($(date +%s) - start)) s"

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
    # A smoke run stops at the first finding: CI reports it, a long run goes on.
    if [ $smoke -eq 1 ]; then break; fi
  fi
done
echo "== fuzzing done in $(($(date +%s) - start)) s (status $status)"
exit $status
