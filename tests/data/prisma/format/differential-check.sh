#!/bin/sh
# Formats random schemas (generate-cases.py) with Prisma 7 and with the formatter, and reports
# every difference. Run by hand (CI has no oracle), after building tst_prismaformatter:
#
#   ORACLE=/tmp/oracle tests/data/prisma/format/differential-check.sh BUILD_DIR [SEED] [COUNT]
#
# The cases and Prisma's outputs stay in a temporary folder named at the end, for a failing case
# to be copied into cases/ (then run regen-expected.sh).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=${1:?usage: differential-check.sh BUILD_DIR [SEED] [COUNT]}
seed=${2:-1}
count=${3:-300}
ORACLE=${ORACLE:-/tmp/oracle}

work=$(mktemp -d)
python3 "$here/generate-cases.py" "$work" --seed "$seed" --mutations "$count" --relations "$count"

# Prisma's output for every case, through the same call as `prisma format` (one Node process).
ORACLE="$ORACLE" node --input-type=module - "$work" <<'JS'
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
const wasm = createRequire(path.join(process.env.ORACLE, 'package.json'))('@prisma/prisma-schema-wasm');
const dir = process.argv[2];
const params = { textDocument: { uri: 'file:/dev/null' }, options: { tabSize: 2, insertSpaces: true } };
for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.prisma'))) {
  const text = fs.readFileSync(path.join(dir, name), 'utf8');
  const [[, formatted]] = JSON.parse(wasm.format(JSON.stringify([[name, text]]), JSON.stringify(params)));
  fs.writeFileSync(path.join(dir, name.replace(/\.prisma$/, '.expected')), formatted);
}
JS

status=0
GATEHOUSE_FORMAT_EXTRA_CASES="$work" "$build/tests/unit/prisma/formatter/tst_prismaformatter" \
    -silent matchesPrismaFormat || status=$?
echo "cases and Prisma's outputs: $work"
exit $status
