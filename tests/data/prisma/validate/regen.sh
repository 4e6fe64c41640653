#!/bin/sh
# Rebuilds the golden diagnostics of the validator fixtures from Prisma 7 (the offline
# oracle). Run by hand; CI has no oracle:
#
#   ORACLE=/tmp/oracle tests/data/prisma/validate/regen.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
for file in *.prisma; do
    node oracle-diagnostics.mjs "$file" >"golden/${file%.prisma}.json"
done
echo "golden files written to $here/golden"
