#!/bin/sh
# Rebuilds the golden SQL of tests/data/sql/golden/ with Prisma 7's own schema engine. Run by
# hand (CI has no oracle):
#
#   ORACLE=/tmp/oracle tests/data/sql/golden/regen.sh
#
# ORACLE is a writable copy of /work/shared/oracle with node_modules installed. Each line of
# cases.tsv is `<name> <from> <to>` (tab-separated; `empty` or a schema path relative to this
# folder) and gives <name>.sql (`prisma migrate diff --from-... --to-... --script`) and
# <name>.summary.txt (the same without --script). PostgreSQL diffs between schema files need no
# database: the oracle's --offline stub answers the engine's one start-up probe.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
ORACLE=${ORACLE:-/tmp/oracle}
cd "$here"

side() { # from|to value
    if [ "$2" = empty ]; then echo "--$1-empty"; else echo "--$1-schema $here/$2"; fi
}

tab=$(printf '\t')
while IFS="$tab" read -r name from to; do
    [ -n "$name" ] || continue
    mkdir -p "$(dirname "$name")"
    # shellcheck disable=SC2046
    node "$ORACLE/prisma-oracle.mjs" diff $(side from "$from") $(side to "$to") --offline >"$name.sql"
    # shellcheck disable=SC2046
    node "$ORACLE/prisma-oracle.mjs" diff $(side from "$from") $(side to "$to") --offline --summary \
        >"$name.summary.txt"
    echo "$name"
done <cases.tsv
