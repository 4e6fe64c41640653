#!/bin/sh
# Compares what two builds of core/prisma make of the same schemas, byte for byte: the syntax
# tree, validate()'s and DataModelBuilder's diagnostics, and the DMMF (prisma_dump). For
# changes that must not alter behaviour, such as performance work. Run by hand:
#
#   cmake --build BUILD --target prisma_dump && cp BUILD/tests/unit/prisma/differential/prisma_dump /tmp/before
#   ... make the change, build again ...
#   tests/unit/prisma/differential/differential-check.sh /tmp/before BUILD/tests/unit/prisma/differential/prisma_dump [SEED] [COUNT]
#
# The schemas: mutated fixtures and relation cases (tests/data/prisma/format/generate-cases.py),
# the validator's hard paths (generate-validation-cases.py), and every fixture under
# tests/data/prisma. The dumps stay in a temporary folder named at the end.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
before=${1:?usage: differential-check.sh BEFORE_DUMP AFTER_DUMP [SEED] [COUNT]}
after=${2:?usage: differential-check.sh BEFORE_DUMP AFTER_DUMP [SEED] [COUNT]}
seed=${3:-1}
count=${4:-2000}

work=$(mktemp -d)
python3 "$root/tests/data/prisma/format/generate-cases.py" "$work/mutated" --seed "$seed" \
    --mutations "$count" --relations "$count" >/dev/null
python3 "$here/generate-validation-cases.py" "$work/validation" --seed "$seed" --count "$count"
mkdir -p "$work/fixtures"
i=0
find "$root/tests/data/prisma" -name '*.prisma' | sort | while read -r f; do
    i=$((i + 1))
    cp "$f" "$work/fixtures/$i-$(basename "$f")"
done

status=0
for set in mutated validation fixtures; do
    "$before" "$work/$set" "$work/$set.before.txt" >/dev/null || true
    "$after" "$work/$set" "$work/$set.after.txt" || status=1
    if cmp -s "$work/$set.before.txt" "$work/$set.after.txt"; then
        echo "$set: identical"
    else
        echo "$set: DIFFERENT (diff $work/$set.before.txt $work/$set.after.txt)"
        status=1
    fi
done
echo "schemas and dumps: $work"
exit $status
