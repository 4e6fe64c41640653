#!/usr/bin/env node
// Golden diagnostics for the validator tests: what Prisma 7's engine (the offline oracle's
// @prisma/prisma-schema-wasm) reports for a schema, as JSON, one object per diagnostic:
//   {"file": NAME, "line": L, "column": C, "severity": "error"|"warning", "message": TEXT}
// Lines end at \n, \r\n or \r; columns count code points from 1 (gh::prisma::Diagnostic).
// Messages keep their newlines and lose the generic "Error validating: " prefix.
//
//   ORACLE=/tmp/oracle node oracle-diagnostics.mjs FILE... > golden.json
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const oracle = process.env.ORACLE || '/tmp/oracle';
const wasm = createRequire(path.join(oracle, 'package.json'))('@prisma/prisma-schema-wasm');
const files = process.argv.slice(2).map((name) => [name, fs.readFileSync(name, 'utf8')]);

function position(text, utf16Offset) {
  const lines = text.slice(0, utf16Offset).split(/\r\n|\r|\n/);
  return [lines.length, [...lines[lines.length - 1]].length + 1];
}

const out = JSON.parse(wasm.lint(JSON.stringify(files))).map((d) => {
  const text = files.find(([name]) => name === d.file_name)[1];
  const [line, column] = position(text, d.start);
  return {
    file: d.file_name,
    line,
    column,
    severity: d.is_warning ? 'warning' : 'error',
    message: d.text.replace(/^Error validating: /, ''),
  };
});
process.stdout.write(JSON.stringify(out, null, 2) + '\n');
