#!/usr/bin/env node
// Prints the size of the built console (dist/): each file raw and brotli-compressed (quality
// 11, as a static host would serve it), and the total the browser downloads.
// Usage: node scripts/bundle-size.mjs [dist]   (after trunk build --release --offline)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const budget = 250 * 1024;
const counted = /\.(wasm|js|css|html)$/;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

let raw = 0;
let compressed = 0;
for (const name of readdirSync(dist).sort()) {
  const path = join(dist, name);
  if (!statSync(path).isFile() || !counted.test(name)) continue;
  const bytes = readFileSync(path);
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  raw += bytes.length;
  compressed += brotli;
  console.log(`${name.padEnd(48)} ${kb(bytes.length).padStart(10)} raw ${kb(brotli).padStart(10)} brotli`);
}
console.log(`${'total (wasm + js + css + html)'.padEnd(48)} ${kb(raw).padStart(10)} raw ${kb(compressed).padStart(10)} brotli`);
console.log(`budget: ${kb(budget)} brotli: ${compressed <= budget ? 'within' : 'OVER'}`);
process.exit(compressed <= budget ? 0 : 1);
