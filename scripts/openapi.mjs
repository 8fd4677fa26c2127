// The OpenAPI document and the web app's typed client generated from it.
//   node scripts/openapi.mjs          writes openapi.json and web/src/api/schema.d.ts
//   node scripts/openapi.mjs --check  fails when redocly finds an error or the committed client differs from a fresh one
// (openapi.json is not committed: the running service serves the same document at /docs-json.)
// The code is compiled into node_modules/.cache (not dist/, so a test run using dist/ is left alone) and
// the document is written by `main.js openapi`: Nest's preview mode, no database or Redis needed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const DOCUMENT = join(root, 'openapi.json');
const CLIENT = join(root, 'web', 'src', 'api', 'schema.d.ts');
const check = process.argv.includes('--check');

const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });

const build = join(root, 'node_modules', '.cache', 'cmfc-openapi');
rmSync(build, { recursive: true, force: true });
run(bin('tsc'), ['-p', 'tsconfig.build.json', '--outDir', build]);

const out = check ? mkdtempSync(join(tmpdir(), 'cmfc-openapi-')) : null;
const documentPath = out ? join(out, 'openapi.json') : DOCUMENT;
const clientPath = out ? join(out, 'schema.d.ts') : CLIENT;
try {
  run(process.execPath, [join(build, 'src', 'main.js'), 'openapi', documentPath]);
  // Recommended rules (redocly.yaml); exits non-zero on any error.
  run(bin('redocly'), ['lint', documentPath, '--format=summary']);
  run(bin('openapi-typescript'), [documentPath, '--output', clientPath, '--silent']);
  if (check) {
    if (!existsSync(CLIENT) || readFileSync(CLIENT, 'utf8') !== readFileSync(clientPath, 'utf8')) {
      console.error('web/src/api/schema.d.ts is out of date with the OpenAPI document: run `npm run openapi` and commit it.');
      process.exitCode = 1;
    } else {
      console.log('web/src/api/schema.d.ts is up to date with the OpenAPI document.');
    }
  }
} finally {
  if (out) rmSync(out, { recursive: true, force: true });
}
