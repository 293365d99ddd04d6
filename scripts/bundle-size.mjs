#!/usr/bin/env node
// Prints the size of the built console (dist/): each file raw, and as the server sends it —
// the brotli and gzip copies the build wrote beside it (scripts/precompress.mjs), or, for a
// build without them, the same compression done here. The budget is for what every visit
// downloads with brotli: the console. The engine for browser-only mode (dist/engine/) is
// fetched only in that mode and is printed apart.
// Usage: node scripts/bundle-size.mjs [dist]   (after trunk build --release --offline)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { variants } from './precompress.mjs';

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

// A release build has copies (none where compressing would not make a file smaller: that file
// is sent as it is); for a build without any, the same compression is done here.
const precompressed = [...files(dist)].some((path) => existsSync(`${path}.br`));
function sent(path, suffix) {
  if (existsSync(`${path}.${suffix}`)) return statSync(`${path}.${suffix}`).size;
  if (precompressed) return statSync(path).size;
  return Math.min(variants[suffix](readFileSync(path)).length, statSync(path).size);
}

const totals = { console: { raw: 0, br: 0, gz: 0 }, engine: { raw: 0, br: 0, gz: 0 } };
const line = (name, { raw, br, gz }) =>
  console.log(`${name.padEnd(52)} ${kb(raw).padStart(10)} raw ${kb(br).padStart(10)} brotli ${kb(gz).padStart(10)} gzip`);
for (const path of files(dist)) {
  const name = relative(dist, path);
  const sizes = { raw: statSync(path).size, br: sent(path, 'br'), gz: sent(path, 'gz') };
  const total = name.startsWith('engine/') ? totals.engine : totals.console;
  for (const key of Object.keys(sizes)) total[key] += sizes[key];
  line(name, sizes);
}
line('console (every visit)', totals.console);
line('engine (browser-only mode adds)', totals.engine);
if (!precompressed) console.log('(a build without .br/.gz copies: compressed here as scripts/precompress.mjs would)');
console.log(`budget for the console: ${kb(budget)} brotli: ${totals.console.br <= budget ? 'within' : 'OVER'}`);
process.exit(totals.console.br <= budget ? 0 : 1);
