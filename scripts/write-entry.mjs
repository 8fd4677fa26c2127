// The build keeps src/ and migrations/ side by side under dist/ (migrations are
// imported by the app); this writes the contract's entry point, dist/main.js.
//
// The entry point also bounds the heap, however the process is started (node dist/main.js,
// npm start, the Docker image, a process manager): V8 sizes its heap when the process starts,
// and unbounded it lets a busy API-and-worker process grow past 300 MB RSS. Unless heap flags
// were given (on the command line or in NODE_OPTIONS), it replaces itself once with the same
// arguments and the flags below (process.execve: same PID, no parent process left behind).
import { writeFileSync } from 'node:fs';

const entry = `// Written by scripts/write-entry.mjs.
const HEAP_FLAGS = ['--max-old-space-size=192', '--max-semi-space-size=16'];
const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\\s+/)];
const bounded = given.some((flag) => /^--max-(old|semi)-space-size(=|$)/.test(flag));
if (!bounded && typeof process.execve === 'function') {
  process.execve(process.execPath, [process.execPath, ...HEAP_FLAGS, ...process.execArgv, ...process.argv.slice(1)], process.env);
}
await import('./src/main.js');
`;

writeFileSync(new URL('../dist/main.js', import.meta.url), entry);
