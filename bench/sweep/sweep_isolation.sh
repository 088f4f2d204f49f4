#!/usr/bin/env bash
# Times `filmtherm sweep` on the 200-point benchmark study with its points in
# worker processes (the default) and on threads (--no-isolation), both with
# the default --jobs (one per core this process may use), the median of N
# alternating runs each, every run from an empty output folder; checks that
# both tables are identical and prints the ratio.
# Usage: bench/sweep/sweep_isolation.sh [FILMTHERM] [RUNS] [STUDY]
set -euo pipefail
cd "$(dirname "$0")/../.."
exe=${1:-build/release/bin/filmtherm}
runs=${2:-5}
study=${3:-bench/sweep/study-200-points.yaml}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Seconds of one run from an empty folder; $1 names the folder, the rest are options.
time_run() {
  local name=$1 start end
  shift
  rm -rf "${work:?}/$name"
  start=$(date +%s.%N)
  "$exe" sweep "$study" --no-plot -o "$work/$name" "$@" >/dev/null 2>&1
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.6f", b - a }'
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Alternating, so that load from other processes hits both alike.
processes=()
threads=()
for _ in $(seq "$runs"); do
  processes+=("$(time_run processes)")
  threads+=("$(time_run threads --no-isolation)")
done
p=$(median "${processes[@]}")
t=$(median "${threads[@]}")
cmp "$work/processes/results.csv" "$work/threads/results.csv"
printf 'study: %s\nworker processes: %.3f s\nthreads: %.3f s\nprocesses / threads: %.3f\n' \
  "$study" "$p" "$t" "$(awk -v a="$p" -v b="$t" 'BEGIN { print a / b }')"
