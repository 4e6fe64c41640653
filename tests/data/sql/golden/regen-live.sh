#!/bin/sh
# Rebuilds the live-database goldens of live-cases.tsv with Prisma 7's schema engine: for each
# line `<name> <setup.sql,...> <to>` it creates a PostgreSQL database, runs the setup scripts
# (goldens of cases.tsv) in order, and writes <name>.sql = `prisma migrate diff
# --from-config-datasource --to-schema <to> --script` against it (`--to-empty` for `empty`).
#
#   ORACLE=/tmp/oracle ORACLE_PG_URL=postgresql://postgres@127.0.0.1:54329/postgres \
#       tests/data/sql/golden/regen-live.sh
set -eu

here=$(cd "$(dirname "$0")" && pwd)
ORACLE=${ORACLE:-/tmp/oracle}
PG=${ORACLE_PG_URL:-postgresql://postgres@127.0.0.1:54329/postgres}
base=${PG%/*}
db=gatehouse_sql_golden_live
cd "$here"

tab=$(printf '\t')
while IFS="$tab" read -r name setup to; do
    [ -n "$name" ] || continue
    psql -q "$PG" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" 2>/dev/null
    for script in $(echo "$setup" | tr ',' ' '); do
        psql -q -v ON_ERROR_STOP=1 "$base/$db" -f "$script" >/dev/null 2>&1
    done
    if [ "$to" = empty ]; then target=--to-empty; else target="--to-schema $here/$to"; fi
    # shellcheck disable=SC2086
    node "$ORACLE/prisma-oracle.mjs" diff --from-url "$base/$db" $target >"$name.sql"
    echo "$name"
done <live-cases.tsv
psql -q "$PG" -c "DROP DATABASE IF EXISTS $db"
