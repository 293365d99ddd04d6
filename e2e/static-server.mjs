// A plain static host for browser-only mode, as a user would deploy the console without
// the companion server: the files of DIR under PREFIX, 404 for a missing asset, and
// index.html for any other path (the console's own URLs). No App Mesh API.
// Usage: node static-server.mjs PORT [DIR=../dist] [PREFIX=/]
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const port = Number(process.argv[2]);
const root = process.argv[3] ?? '../dist';
const prefix = process.argv[4] ?? '/';
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

createServer(async (request, response) => {
  const pathname = decodeURIComponent(new URL(request.url, 'http://host').pathname);
  const path = pathname.startsWith(prefix) ? normalize(`/${pathname.slice(prefix.length)}`) : null;
  const asset = path !== null && Object.hasOwn(types, extname(path));
  try {
    if (path === null) throw new Error('outside the prefix');
    const file = asset ? path : '/index.html';
    const body = await readFile(join(root, file));
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    response.end(body);
  } catch {
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('Not found');
  }
}).listen(port, '127.0.0.1');
