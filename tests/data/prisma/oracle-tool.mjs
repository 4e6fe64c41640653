#!/usr/bin/env node
// Helper for regen-golden.sh: calls Prisma's own schema engine (@prisma/prisma-schema-wasm from
// the oracle's node_modules) the way prisma-oracle.mjs does, for what that script does not offer:
// diagnostics with line and column, and several files as one schema.
//
//   node oracle-tool.mjs diagnostics FILE...  lint: FILE:LINE:COL: error|warning: MESSAGE
//   node oracle-tool.mjs datamodel FILE...    the `datamodel` part of the DMMF (valid schemas)
//   node oracle-tool.mjs validate FILE...     like prisma-oracle.mjs validate, for several files
//   node oracle-tool.mjs format FILE...       every file formatted, each after a `// FILE` line
//
// File names are passed to the engine as given, so relative paths give relative output.
// Columns count Unicode code points from 1, like gh::prisma::Diagnostic (the engine reports
// UTF-16 offsets). Lines end at \n, \r\n or \r, as in Prisma.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const oracle = process.env.ORACLE || '/tmp/oracle';
const wasm = createRequire(path.join(oracle, 'package.json'))('@prisma/prisma-schema-wasm');

const [command, ...names] = process.argv.slice(2);
const files = names.map((name) => [name, fs.readFileSync(name, 'utf8')]);

function position(text, utf16Offset) {
  const lines = text.slice(0, utf16Offset).split(/\r\n|\r|\n/);
  return `${lines.length}:${[...lines[lines.length - 1]].length + 1}`;
}

switch (command) {
  case 'diagnostics': {
    for (const d of JSON.parse(wasm.lint(JSON.stringify(files)))) {
      const text = files.find(([name]) => name === d.file_name)[1];
      const severity = d.is_warning ? 'warning' : 'error';
      const message = d.text.replace(/^Error validating: /, '');
      process.stdout.write(`${d.file_name}:${position(text, d.start)}: ${severity}: ${message}\n`);
    }
    break;
  }
  case 'datamodel': {
    const dmmf = JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema: files, noColor: true })));
    process.stdout.write(JSON.stringify(dmmf.datamodel, null, 2) + '\n');
    break;
  }
  case 'validate': {
    try {
      wasm.validate(JSON.stringify({ prismaSchema: files, noColor: true }));
      process.stdout.write('The schema is valid\n');
    } catch (e) {
      let message = e.message;
      try { message = JSON.parse(message).message; } catch {}
      process.stdout.write(message + '\n');
      process.exitCode = 1;
    }
    break;
  }
  case 'format': {
    const params = { textDocument: { uri: 'file:/dev/null' }, options: { tabSize: 2, insertSpaces: true } };
    for (const [name, formatted] of JSON.parse(wasm.format(JSON.stringify(files), JSON.stringify(params))))
      process.stdout.write(`// ${name}\n${formatted}`);
    break;
  }
  default:
    process.stderr.write('usage: node oracle-tool.mjs diagnostics|datamodel|validate|format FILE...\n');
    process.exitCode = 2;
}
