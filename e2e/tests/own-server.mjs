// A companion server of a test's own (its own port and SQLite file), for tests that stop it
// or replace all of its data, which the suite's shared server must never see.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Where cargo put the debug server: under $CARGO_TARGET_DIR when set, as start-server.mjs finds it.
const serverBinary = join(process.env.CARGO_TARGET_DIR ?? '../target', 'debug', 'mesh-console-server');

export async function startOwnServer() {
  const port = 19000 + Math.floor(Math.random() * 900);
  const url = `http://127.0.0.1:${port}`;
  const data = join(mkdtempSync(join(tmpdir(), 'mesh-console-own-')), 'own.sqlite3');
  let process;
  const start = async () => {
    process = spawn(serverBinary, ['--listen', `127.0.0.1:${port}`, '--data', data, '--dist', '../dist'], { stdio: 'ignore' });
    for (let i = 0; i < 100; i += 1) {
      try { if ((await fetch(`${url}/v20190125/meshes`)).ok) return; } catch { /* not yet */ }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the server did not start');
  };
  await start();
  return { url, kill: () => process.kill('SIGKILL'), restart: start };
}
