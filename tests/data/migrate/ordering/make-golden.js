// Regenerates names.sorted.txt: the migration folder names of names.txt in the order the
// Prisma 7 CLI lists them (it sorts folder names with String.prototype.localeCompare):
//   node make-golden.js names.txt > names.sorted.txt
// Gatehouse and CI never run this; the golden file is committed.
const fs = require('fs');
const names = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter((n) => n.length > 0);
process.stdout.write(names.sort((a, b) => a.localeCompare(b)).join('\n') + '\n');
