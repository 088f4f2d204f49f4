#!/usr/bin/env bash
# Times `filmtherm sweep` on the 200-point benchmark study on one core and on
# two (taskset -c 0 and -c 0,1; sweep's default --jobs is the number of cores
# it may use, and on one core the journal's flushing thread shares that core,
# as it would) (the median of N alternating runs each, every run from an empty output
# folder so nothing is resumed), checks that both tables are identical, and
# prints the speed-up. Usage: bench/sweep/sweep_scaling.sh [FILMTHERM] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
exe=${1:-build/release/bin/filmtherm}
runs=${2:-5}
study=bench/sweep/study-200-points.yaml
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Seconds of one run from an empty folder.
time_run() {
  local cores=$1 start end
  rm -rf "$work/cores-$cores"
  start=$(date +%s.%N)
  taskset -c "$(seq -s, 0 $((cores - 1)))" \
    "$exe" sweep "$study" --no-plot -o "$work/cores-$cores" >/dev/null 2>&1
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.6f", b - a }' 
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Alternating, so that load from other processes hits both alike.
ones=()
twos=()
for _ in $(seq "$runs"); do
  ones+=("$(time_run 1)")
  twos+=("$(time_run 2)")
done
one=$(median "${ones[@]}")
two=$(median "${twos[@]}")
cmp "$work/cores-1/results.csv" "$work/cores-2/results.csv"
printf 'points: 200\n1 core: %.3f s\n2 cores: %.3f s\nspeed-up: %.2fx\n' \
  "$one" "$two" "$(awk -v a="$one" -v b="$two" 'BEGIN { print a / b }')"
