#!/usr/bin/env bash
# Every benchmark, from a fresh clone: builds (with GATEHOUSE_BUILD_BENCHMARKS=ON), starts a
# throwaway PostgreSQL on 127.0.0.1 (the same way as tests/run-tests.sh), runs each bench_*
# executable under tests/bench of the build, and stops the server even when a benchmark fails.
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
pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
scratch="$(mktemp -d /tmp/gatehouse-bench.XXXXXX)"
chmod 755 "$scratch"
as_postgres=()
if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$scratch"
    as_postgres=(runuser -u postgres --)
fi

free_port() {
    local port
    for port in $(seq "$1" $(($1 + 200))); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    echo "no free port near $1" >&2
    return 1
}

pgport="$(free_port 57432)"

cleanup() {
    set +e
    if [ -d "$scratch/data" ]; then
        "${as_postgres[@]}" "$pgbin/pg_ctl" -D "$scratch/data" -m immediate stop >/dev/null 2>&1
    fi
    rm -rf "$scratch"
}
trap cleanup EXIT INT TERM

"${as_postgres[@]}" "$pgbin/initdb" -D "$scratch/data" -U postgres -A trust -E UTF8 \
    --locale=C.UTF-8 >"$scratch/initdb.log" 2>&1 || { cat "$scratch/initdb.log"; exit 1; }
# Durability off (a throwaway server), memory like a small production instance.
"${as_postgres[@]}" "$pgbin/pg_ctl" -D "$scratch/data" -l "$scratch/postgres.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $pgport -k $scratch -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=256MB -c maintenance_work_mem=256MB -c max_wal_size=4GB" \
    start >/dev/null || { cat "$scratch/postgres.log"; exit 1; }

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
