// The servers the benchmarks compare, started on free ports of 127.0.0.1 with fresh data, and
// the App Mesh calls that fill them. Every request carries a SigV4-shaped Authorization
// header: moto picks its service from the credential scope, and ours its account from the
// access key (a 12-digit key is that account).
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const appMesh = '/v20190125';

export function authorization(accessKey = 'AKIDEXAMPLE') {
  return `AWS4-HMAC-SHA256 Credential=${accessKey}/20261203/us-east-1/appmesh/aws4_request, SignedHeaders=host, Signature=0`;
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

export function scratchDir(name) {
  return mkdtempSync(join(tmpdir(), `mesh-console-bench-${name}-`));
}

/// Starts `command` with its output in a log file of the scratch dir, and waits until `probe`
/// answers.
async function start(name, command, args, url) {
  const dir = scratchDir(name);
  const log = openSync(join(dir, 'server.log'), 'a');
  const child = spawn(command, args(dir), { stdio: ['ignore', log, log] });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}); see ${join(dir, 'server.log')}`);
    try {
      await fetch(url);
      return {
        name,
        dir,
        pid: child.pid,
        stop: async () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
      };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  child.kill('SIGKILL');
  throw new Error(`${name} did not start within a minute; see ${join(dir, 'server.log')}`);
}

/// mesh-console-server as `scripts/run` starts it, with a fresh SQLite file.
export async function startOurs(binary, dist) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = await start(
    'mesh-console-server',
    binary,
    (dir) => ['--listen', `127.0.0.1:${port}`, '--data', join(dir, 'bench.sqlite3'), '--dist', dist],
    `${base}/console-api/identity`,
  );
  return { ...server, base };
}

/// moto's server from its own virtual environment.
export async function startMoto(motoServer) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = await start('moto', motoServer, () => ['-H', '127.0.0.1', '-p', String(port)], `${base}/moto-api/`);
  return { ...server, base };
}

/// One App Mesh call; throws unless it succeeds.
export async function call(base, method, path, body, accessKey) {
  const response = await fetch(`${base}${appMesh}${path}`, {
    method,
    headers: { authorization: authorization(accessKey), 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text === '' ? {} : JSON.parse(text);
}

/// Runs `task(i)` for i in 0..count, `width` at a time.
export async function inParallel(count, width, task) {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(width, count) }, worker));
}

export const pad = (n, width = 3) => String(n).padStart(width, '0');

/// A virtual node as a user would create one: an HTTP listener and DNS discovery.
export function nodeSpec(i) {
  return {
    listeners: [{ portMapping: { port: 8080, protocol: 'http' } }],
    serviceDiscovery: { dns: { hostname: `node-${pad(i)}.bench.local` } },
  };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
