#!/usr/bin/env node
// Writes a brotli (quality 11) and a gzip (level 9) copy next to every file a browser fetches
// (`x.wasm.br`, `x.wasm.gz`), so that the server sends what the build compressed once, chosen
// by the request's Accept-Encoding. A copy that would not be smaller is not written.
// Usage: node scripts/precompress.mjs DIR   (trunk's post-build hook runs it on release builds)
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const compressible = /\.(wasm|js|mjs|css|html|svg|json|txt)$/;

export const variants = {
  br: (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
  gz: (bytes) => gzipSync(bytes, { level: 9 }),
};

export function precompress(file) {
  const bytes = readFileSync(file);
  for (const [suffix, compress] of Object.entries(variants)) {
    const compressed = compress(bytes);
    if (compressed.length < bytes.length) writeFileSync(`${file}.${suffix}`, compressed);
    else rmSync(`${file}.${suffix}`, { force: true });
  }
}

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (compressible.test(entry.name)) yield path;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: node scripts/precompress.mjs DIR');
  for (const file of files(dir)) precompress(file);
}
