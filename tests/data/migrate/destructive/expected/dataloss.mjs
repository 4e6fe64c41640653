// devDiagnostic, then evaluateDataLoss (counts from the live DB), then createMigration (draft).
import fs from 'node:fs';
import path from 'node:path';
import { openEngine, call, noFilter, listMigrations, writeMigration, normProvider, providerOf } from './lib/schema-engine.mjs';
const [schemaFile, migrations, name, url] = process.argv.slice(2);
const abs = path.resolve(schemaFile);
const files = [[abs, fs.readFileSync(abs, 'utf8')]];
const flags = { url };
const engine = await openEngine(normProvider(providerOf(files)), flags, files);
const schema = { files: files.map(([p, c]) => ({ path: p, content: c })) };
const diag = await call(engine, 'devDiagnostic', { migrationsList: listMigrations(migrations), filters: noFilter() });
console.log(JSON.stringify({ devDiagnostic: diag }));
const loss = await call(engine, 'evaluateDataLoss', { migrationsList: listMigrations(migrations), schema, filters: noFilter() });
console.log(JSON.stringify({ evaluateDataLoss: loss }, null, 2));
const res = await call(engine, 'createMigration', { draft: true, migrationName: name, migrationsList: listMigrations(migrations), schema, filters: noFilter() });
if (res.migrationScript !== null) console.log('created ' + writeMigration(path.resolve(migrations), res));
process.exit(0);
