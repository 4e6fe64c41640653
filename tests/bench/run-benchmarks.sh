#!/usr/bin/env bash
# Every benchmark, from a fresh clone: builds (with GATEHOUSE_BUILD_BENCHMARKS=ON), starts a
# throwaway PostgreSQL on 127.0.0.1 (tests/support/throwaway-postgres.sh, as tests/run-tests.sh
# does), runs each bench_* executable under tests/bench of the build, and stops the server even
# when a benchmark fails.
# Not part of CI: benchmarks print timings next to baselines measured in the same run.
#
#   tests/bench/run-benchmarks.sh [arguments for every benchmark...]   e.g. --scale 0.05
#
# Environment: BUILD_DIR (default: build), JOBS (default: number of cores), BENCH (a regular
# expression: run only the benchmarks whose name matches), SKIP_BUILD=1 (use the build as it is).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${BUILD_DIR:-$root/build}"
jobs="${JOBS:-$(nproc)}"

if [ -z "${SKIP_BUILD:-}" ]; then
    "$root/packaging/install-deps.sh"
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGATEHOUSE_BUILD_BENCHMARKS=ON
    cmake --build "$build" -j "$jobs"
fi

# --- A throwaway PostgreSQL ---------------------------------------------------------------------
source "$root/tests/support/throwaway-postgres.sh"
throwaway_pg_init gatehouse-bench
pgport="$(free_port 57432)"
# Memory like a small production instance.
throwaway_pg_start "$pgport" -c shared_buffers=256MB -c maintenance_work_mem=256MB \
    -c max_wal_size=4GB

export GATEHOUSE_BENCH_PG_URL="postgresql://postgres@127.0.0.1:$pgport/postgres"
echo "PostgreSQL on 127.0.0.1:$pgport"

status=0
found=0
for bench in $(find "$build/tests/bench" -maxdepth 2 -type f -name 'bench_*' -perm -u+x | sort); do
    name="$(basename "$bench")"
    if [ -n "${BENCH:-}" ] && ! [[ "$name" =~ $BENCH ]]; then
        continue
    fi
    found=$((found + 1))
    echo
    echo "### $name"
    "$bench" "$@" || { echo "### $name failed (exit $?)"; status=1; }
done
[ "$found" -gt 0 ] || { echo "no bench_* executables in $build/tests/bench"; exit 1; }
exit "$status"
