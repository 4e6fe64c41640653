#!/bin/sh
# Rebuilds tests/data/prisma/golden/ from Prisma 7's own tools. Run by hand (CI has no oracle):
#
#   ORACLE=/tmp/oracle tests/data/prisma/regen-golden.sh
#
# ORACLE is a writable copy of /work/shared/oracle with node_modules installed (its README says
# how). See golden/README.md for what each file is.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
ORACLE=${ORACLE:-/tmp/oracle}
export ORACLE
oracle() { node "$ORACLE/prisma-oracle.mjs" "$@"; }
tool() { node "$here/oracle-tool.mjs" "$@"; }

# prisma-oracle.mjs prints absolute paths; the goldens name files relative to their folder.
relative() { sed "s|$PWD/||g"; }

# Prisma 7 rejects connection URLs in schema files (P1012). This is the schema it accepts.
without_urls() { sed '/^[[:space:]]*\(url\|directUrl\|shadowDatabaseUrl\)[[:space:]]*=/d' "$1"; }

# validate prints to stdout or stderr by outcome; keep both and the exit status.
validate() { status=0; oracle validate "$1" >"$2" 2>&1 || status=$?; relative <"$2" >"$2.tmp"; mv "$2.tmp" "$2"; echo "exit: $status" >>"$2"; }

# DMMF only exists for a valid schema; keep its datamodel (the full DMMF is hundreds of KiB).
datamodel() { if tool datamodel "$1" >"$2" 2>/dev/null; then :; else rm -f "$2"; fi; }

golden_for() { # folder name out-folder
    cd "$here/$1"
    name=$2
    out=$3
    oracle format "$name.prisma" >"$out/$name.format.prisma"
    validate "$name.prisma" "$out/$name.validate.txt"
    tool diagnostics "$name.prisma" >"$out/$name.diagnostics.txt"
    oracle config "$name.prisma" | relative >"$out/$name.config.json"
    if grep -q '^[[:space:]]*\(url\|directUrl\|shadowDatabaseUrl\)[[:space:]]*=' "$name.prisma"; then
        tmp=$(mktemp -d)
        without_urls "$name.prisma" >"$tmp/$name.prisma"
        (cd "$tmp" && validate "$name.prisma" "$out/$name.no-url.validate.txt" &&
            tool diagnostics "$name.prisma" >"$out/$name.no-url.diagnostics.txt" &&
            datamodel "$name.prisma" "$out/$name.dmmf.json")
        rm -rf "$tmp"
    else
        datamodel "$name.prisma" "$out/$name.dmmf.json"
    fi
}

rm -rf "$here/golden/fixtures" "$here/golden/errors" "$here/golden/multi" "$here/golden/preview"
mkdir -p "$here/golden/fixtures" "$here/golden/errors" "$here/golden/multi" "$here/golden/preview"

for file in "$here"/fixtures/*.prisma; do
    golden_for fixtures "$(basename "$file" .prisma)" "$here/golden/fixtures"
done
for file in "$here"/errors/*.prisma; do
    golden_for errors "$(basename "$file" .prisma)" "$here/golden/errors"
done
# Preview syntax (Prisma 7's partial indexes: object expressions, `where:`), valid or not.
for file in "$here"/preview/*.prisma; do
    golden_for preview "$(basename "$file" .prisma)" "$here/golden/preview"
done

# Multi-file schemas: every .prisma file of a folder under multi/, in the order Prisma loads them
# (folder by folder, names in byte order). Paths are relative to that folder.
for folder in "$here"/multi/*/; do
    case=$(basename "$folder")
    cd "$folder"
    files=$(find . -name '*.prisma' | sed 's|^\./||' | LC_ALL=C sort)
    out="$here/golden/multi/$case"
    # shellcheck disable=SC2086
    tool diagnostics $files >"$out.diagnostics.txt"
    # shellcheck disable=SC2086
    tool validate $files >"$out.validate.txt" || true
    # shellcheck disable=SC2086
    tool format $files >"$out.format.txt"
    # shellcheck disable=SC2086
    tool datamodel $files >"$out.dmmf.json" 2>/dev/null || rm -f "$out.dmmf.json"
done
echo "golden files written to $here/golden"
