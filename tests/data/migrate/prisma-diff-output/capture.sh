#!/bin/sh
# Captures what the real Prisma 7 CLI prints for `prisma migrate diff` (through the oracle's
# ./prisma), for tests/integration/migrate/tst_migratediffcli. Run by hand:
#
#   ORACLE=/tmp/oracle ORACLE_PG_URL=postgresql://postgres@127.0.0.1:54329/postgres \
#       tests/data/migrate/prisma-diff-output/capture.sh
#
# Each case `<name>` gives <name>.stdout, <name>.stderr (without Prisma's "Loaded Prisma
# config" preamble and the engine's backtrace lines) and <name>.exit. Paths in the arguments are
# relative to tests/data; SCHEMAS and MIGRATIONS are placeholders the test fills in the same way.
set -u
here=$(cd "$(dirname "$0")" && pwd)
data=$(cd "$here/../.." && pwd)
ORACLE=${ORACLE:-/tmp/oracle}
PG=${ORACLE_PG_URL:-postgresql://postgres@127.0.0.1:54329/postgres}
G=$data/sql/golden
M=$data/migrate/authjs-postgres

capture() { # name args...
    name=$1
    shift
    (cd "$ORACLE" && DATABASE_URL=$PG ./prisma migrate diff "$@" >"$here/$name.stdout" 2>"$here/$name.stderr.raw")
    echo $? >"$here/$name.exit"
    grep -v '^Loaded Prisma config' "$here/$name.stderr.raw" | grep -v '^   [0-9]*: ' |
        grep -v '^             at ' | sed '1{/^$/d}' >"$here/$name.stderr"
    rm -f "$here/$name.stderr.raw"
    echo "$name: exit $(cat "$here/$name.exit")"
}

capture script-from-empty --from-empty --to-schema "$G/authjs/authjs-postgres.prisma" --script
capture script-sqlite --from-empty --to-schema "$G/authjs/authjs-sqlite.prisma" --script
capture summary --from-schema "$G/authjs/authjs-postgres.prisma" --to-schema "$G/authjs/authjs-postgres-modified.prisma"
capture summary-same --from-schema "$G/authjs/authjs-postgres.prisma" --to-schema "$G/authjs/authjs-postgres.prisma"
capture script-same --from-schema "$G/authjs/authjs-postgres.prisma" --to-schema "$G/authjs/authjs-postgres.prisma" --script
capture exit-code-same --from-schema "$G/authjs/authjs-postgres.prisma" --to-schema "$G/authjs/authjs-postgres.prisma" --script --exit-code
capture exit-code-differs --from-schema "$G/authjs/authjs-postgres.prisma" --to-schema "$G/authjs/authjs-postgres-modified.prisma" --script --exit-code
capture exit-code-differs-summary --from-schema "$G/authjs/authjs-postgres.prisma" --to-schema "$G/authjs/authjs-postgres-modified.prisma" --exit-code
capture migrations-to-same --from-migrations "$M" --to-schema "$G/authjs/authjs-postgres-modified.prisma" --script
capture migrations-to-first --from-migrations "$M" --to-schema "$G/authjs/authjs-postgres.prisma" --script
capture no-from --to-empty
capture two-from --from-empty --from-schema "$G/authjs/authjs-postgres.prisma" --to-empty
capture no-connector --from-empty --to-empty
capture missing-lock-file --from-migrations "$data/sql/golden/fixtures" --to-empty
