#!/usr/bin/env bash
# Times `filmtherm sweep` on the 200-point benchmark study with its points in
# worker processes (the default) and on threads (--no-isolation), both with
# the default --jobs (one per core this process may use), the median of N
# alternating runs each, every run from an empty output folder; checks that
# both tables are identical and prints the ratios of the wall times and of the
# CPU times (user + system of the sweep and its workers: on a loaded machine
# the wall time says more about the other processes than about the sweep).
# Usage: bench/sweep/sweep_isolation.sh [FILMTHERM] [RUNS] [STUDY]
set -euo pipefail
cd "$(dirname "$0")/../.."
exe=${1:-build/release/bin/filmtherm}
runs=${2:-5}
study=${3:-bench/sweep/study-200-points.yaml}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# "wall cpu" seconds of one run from an empty folder; $1 names the folder,
# the rest are options. GNU time counts the workers (waited for) in the CPU time.
time_run() {
  local name=$1
  shift
  rm -rf "${work:?}/$name"
  /usr/bin/time -f '%e %U %S' -o "$work/time" \
    "$exe" sweep "$study" --no-plot -o "$work/$name" "$@" >/dev/null 2>&1
  awk '{ printf "%s %.2f", $1, $2 + $3 }' "$work/time"
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Alternating, so that load from other processes hits both alike.
pw=() pc=() tw=() tc=()
for _ in $(seq "$runs"); do
  read -r w c <<<"$(time_run processes)"
  pw+=("$w") pc+=("$c")
  read -r w c <<<"$(time_run threads --no-isolation)"
  tw+=("$w") tc+=("$c")
done
cmp "$work/processes/results.csv" "$work/threads/results.csv"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
p=$(median "${pw[@]}") t=$(median "${tw[@]}")
pcpu=$(median "${pc[@]}") tcpu=$(median "${tc[@]}")
printf 'study: %s, %s runs each (medians)\n' "$study" "$runs"
printf 'worker processes: %.3f s wall, %.2f s CPU\n' "$p" "$pcpu"
printf 'threads:          %.3f s wall, %.2f s CPU\n' "$t" "$tcpu"
printf 'processes / threads: %s wall, %s CPU\n' "$(ratio "$p" "$t")" "$(ratio "$pcpu" "$tcpu")"
