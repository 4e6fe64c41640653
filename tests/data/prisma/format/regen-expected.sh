#!/bin/sh
# Rebuilds expected/ from Prisma 7's own formatter. Run by hand (CI has no oracle):
#
#   ORACLE=/tmp/oracle tests/data/prisma/format/regen-expected.sh
#
# - cases/NAME.prisma  -> expected/NAME.prisma: `prisma format` of the file on its own
#   (prisma-oracle.mjs format passes the CLI's parameters to @prisma/prisma-schema-wasm).
# - multi/CASE/        -> expected/multi/CASE.format.txt: the folder as one schema, every file
#   formatted after a `// path` line (oracle-tool.mjs format, files in Prisma's load order).
# - expected/second-pass/: where formatting Prisma's own output again changes it (Prisma is not
#   idempotent on every broken schema), what the second pass gives; the idempotence test reads it.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
ORACLE=${ORACLE:-/tmp/oracle}
export ORACLE
oracle() { node "$ORACLE/prisma-oracle.mjs" "$@"; }

rm -rf "$here/expected"
mkdir -p "$here/expected/multi" "$here/expected/second-pass"

for file in "$here"/cases/*.prisma; do
    oracle format "$file" >"$here/expected/$(basename "$file")"
done

for folder in "$here"/multi/*/; do
    [ -d "$folder" ] || continue
    case=$(basename "$folder")
    (cd "$folder" &&
        files=$(find . -name '*.prisma' | sed 's|^\./||' | LC_ALL=C sort) &&
        # shellcheck disable=SC2086
        node "$here/../oracle-tool.mjs" format $files >"$here/expected/multi/$case.format.txt")
done

# Second passes over every single-file golden of tests/data/prisma.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for golden in "$here"/../golden/fixtures/*.format.prisma "$here"/../golden/errors/*.format.prisma \
    "$here"/expected/*.prisma; do
    cp "$golden" "$tmp/schema.prisma"
    oracle format "$tmp/schema.prisma" >"$tmp/again.prisma"
    if ! cmp -s "$tmp/schema.prisma" "$tmp/again.prisma"; then
        folder=$(basename "$(dirname "$golden")")
        mkdir -p "$here/expected/second-pass/$folder"
        cp "$tmp/again.prisma" "$here/expected/second-pass/$folder/$(basename "$golden")"
    fi
done
echo "expected outputs written to $here/expected"
