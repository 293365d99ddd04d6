// Starts the real server for the browser tests: the debug build, a fresh SQLite file,
// the release console in ../dist. Usage: node start-server.mjs PORT (the server built under
// $CARGO_TARGET_DIR when set, as cargo puts it there).
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = process.argv[2];
const data = join(mkdtempSync(join(tmpdir(), 'mesh-console-e2e-')), 'e2e.sqlite3');
const server = spawn(
  join(process.env.CARGO_TARGET_DIR ?? '../target', 'debug', 'mesh-console-server'),
  ['--listen', `127.0.0.1:${port}`, '--data', data, '--dist', '../dist'],
  { stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
