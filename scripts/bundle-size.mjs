#!/usr/bin/env node
// Prints the size of the built console (dist/): each file raw and brotli-compressed (quality
// 11, as a static host would serve it). The budget is for what every visit downloads: the
// console. The engine for browser-only mode (dist/engine/) is fetched only in that mode and
// is printed apart.
// Usage: node scripts/bundle-size.mjs [dist]   (after trunk build --release --offline)
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const budget = 300 * 1024;
const counted = /\.(wasm|js|css|html)$/;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (counted.test(entry.name)) yield path;
  }
}

const totals = { console: { raw: 0, brotli: 0 }, engine: { raw: 0, brotli: 0 } };
const line = (name, raw, brotli) => console.log(`${name.padEnd(52)} ${kb(raw).padStart(10)} raw ${kb(brotli).padStart(10)} brotli`);
for (const path of files(dist)) {
  const name = relative(dist, path);
  const bytes = readFileSync(path);
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const total = name.startsWith('engine/') ? totals.engine : totals.console;
  total.raw += bytes.length;
  total.brotli += brotli;
  line(name, bytes.length, brotli);
}
line('console (every visit)', totals.console.raw, totals.console.brotli);
line('engine (browser-only mode adds)', totals.engine.raw, totals.engine.brotli);
console.log(`budget for the console: ${kb(budget)} brotli: ${totals.console.brotli <= budget ? 'within' : 'OVER'}`);
process.exit(totals.console.brotli <= budget ? 0 : 1);
