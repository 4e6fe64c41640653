// Regenerates the *.expected.json golden files from the real dotenv parser (the parser the
// Prisma CLI loads .env files with), using the oracle's copy:
//   for f in cases crlf; do node make-golden.js $f.env > $f.expected.json; done
// Gatehouse and CI never run this; the golden files are committed.
const fs = require('fs');
const dotenv = require(process.env.DOTENV_MODULE || '/tmp/oracle/node_modules/dotenv');
const parsed = dotenv.parse(fs.readFileSync(process.argv[2]));
process.stdout.write(JSON.stringify(parsed, null, 2) + '\n');
