// Starts the real server with --credentials (./test-credentials) for the `credentials`
// project: as start-server.mjs, but every call must be signed or come from a signed-in console.
// Usage: node start-credentials-server.mjs PORT
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = process.argv[2];
const data = join(mkdtempSync(join(tmpdir(), 'mesh-console-e2e-credentials-')), 'e2e.sqlite3');
const server = spawn(
  join(process.env.CARGO_TARGET_DIR ?? '../target', 'debug', 'mesh-console-server'),
  ['--listen', `127.0.0.1:${port}`, '--data', data, '--dist', '../dist', '--credentials', 'test-credentials'],
  { stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
