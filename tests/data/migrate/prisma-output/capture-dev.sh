#!/usr/bin/env bash
# Regenerates the golden outputs of `prisma migrate dev` (dev-*.stdout|stderr|exit) from the real
# Prisma 7 CLI of the oracle (see /tmp/oracle/README.md), against its local PostgreSQL:
#   (cd /tmp/oracle && ./pg-local.sh start) && ./capture-dev.sh
# Standard input is not a terminal, as in CI: Prisma refuses to prompt. Normalised like
# capture.sh, plus: migration timestamps become YYYYMMDDHHMMSS, the migrations folder as Prisma
# prints it (relative to its working directory) becomes prisma/migrations. The fixture is
# ../destructive. Gatehouse and CI never run this.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
oracle="${ORACLE_DIR:-/tmp/oracle}"
fixture="$here/../destructive"
port="${ORACLE_PGPORT:-54329}"
export PGHOST=127.0.0.1 PGPORT="$port" PGUSER=postgres PGOPTIONS="-c client_min_messages=warning"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fresh() { psql -qd postgres -c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" -c "CREATE DATABASE \"$1\""; }
capture() { # capture CASE DB SCHEMA MIGRATIONS ARGS...
    local name=$1 db=$2 schema=$3 dir=$4 rc=0
    shift 4
    local rel
    rel="$(realpath --relative-to="$oracle" "$dir")"
    (cd "$oracle" && DATABASE_URL="postgresql://postgres@127.0.0.1:$port/$db" ORACLE_SCHEMA="$schema" \
        ORACLE_MIGRATIONS="$dir" ./prisma "$@") >"$work/out" 2>"$work/err" </dev/null || rc=$?
    normalize "$db" "$rel" <"$work/out" >"$here/$name.stdout"
    grep -v -e '^Loaded Prisma config from' -e '^Prisma schema loaded from' "$work/err" \
        | sed '1{/^$/d}' | normalize "$db" "$rel" >"$here/$name.stderr" || true
    echo "$rc" >"$here/$name.exit"
}
normalize() {
    sed -e "s/\"$1\"/\"DBNAME\"/g" -e "s/database $1 created/database DBNAME created/" \
        -e "s/127\.0\.0\.1:$port/HOST:PORT/g" -e "s#$2/#prisma/migrations/#" \
        -e 's/[0-9]\{14\}_/YYYYMMDDHHMMSS_/g'
}

mkdir -p "$work/new/prisma/migrations" "$work/destructive/prisma/migrations"
cp "$fixture/before.prisma" "$work/new/schema.prisma"
cp -r "$fixture/migrations/." "$work/destructive/prisma/migrations/"
grep -v '  name   String?' "$fixture/before.prisma" >"$work/destructive/drop-name.prisma"

psql -qd postgres -c "DROP DATABASE IF EXISTS gh_capture_dev WITH (FORCE)"
capture dev-database-created gh_capture_dev "$work/new/schema.prisma" "$work/new/prisma/migrations" migrate dev --name init
capture dev-already-in-sync gh_capture_dev "$work/new/schema.prisma" "$work/new/prisma/migrations" migrate dev --name again
capture dev-create-only-empty gh_capture_dev "$work/new/schema.prisma" "$work/new/prisma/migrations" migrate dev --name empty --create-only
rm -rf "$work"/new/prisma/migrations/*_empty
psql -qd gh_capture_dev -c 'ALTER TABLE "User" ADD COLUMN "nickname" TEXT' -c 'CREATE TABLE "Extra" ("id" INTEGER PRIMARY KEY)'
capture dev-drift gh_capture_dev "$work/new/schema.prisma" "$work/new/prisma/migrations" migrate dev --name drift

fresh gh_capture_dev
(cd "$oracle" && node prisma-oracle.mjs deploy --migrations "$work/destructive/prisma/migrations" \
    --url "postgresql://postgres@127.0.0.1:$port/gh_capture_dev" >/dev/null)
psql -qd gh_capture_dev -f "$fixture/seed.sql"
capture dev-warnings-non-interactive gh_capture_dev "$work/destructive/drop-name.prisma" "$work/destructive/prisma/migrations" migrate dev --name drop_name
capture dev-unexecutable gh_capture_dev "$fixture/after.prisma" "$work/destructive/prisma/migrations" migrate dev --name change
capture dev-unexecutable-create-only gh_capture_dev "$fixture/after.prisma" "$work/destructive/prisma/migrations" migrate dev --name change --create-only
psql -qd postgres -c "DROP DATABASE IF EXISTS gh_capture_dev WITH (FORCE)"
