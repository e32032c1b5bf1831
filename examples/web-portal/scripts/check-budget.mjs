#!/usr/bin/env node
// The first page's JavaScript budget: the entry, everything it imports, and the page's own chunk
// (pages load on demand), gzipped, must stay under 250 KB (a Lighthouse-style budget for a phone on
// a slow network). Checked for every page, since any of them can be the first one; prints the figures.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 250 * 1024;
const dist = join(dirname(dirname(fileURLToPath(import.meta.url))), 'dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  console.error("index.html has an inline script: the platform's CSP (\"script-src 'self'\") would block it.");
  process.exit(1);
}

const gzipped = new Map();
const sizeOf = (file) => {
  if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(join(dist, file))).length);
  return gzipped.get(file);
};
/** The JS files a manifest chunk loads at once: itself and its static imports, transitively. */
function closure(key, files = new Set()) {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return files;
  files.add(chunk.file);
  for (const imported of chunk.imports ?? []) closure(imported, files);
  return files;
}

const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
const pages = Object.keys(manifest).filter(
  (key) => manifest[key].isDynamicEntry && /^src\/(pages|centers)\//.test(key),
);
let worst = { page: entry, bytes: 0 };
for (const page of pages) {
  const files = closure(page, closure(entry));
  const bytes = [...files].reduce((sum, file) => sum + sizeOf(file), 0);
  console.log(`  ${page.replace(/^src\//, '')}: ${kb(bytes)}`);
  if (bytes > worst.bytes) worst = { page, bytes };
}
console.log(`First page JavaScript: ${kb(worst.bytes)} gzipped at most (${worst.page}); budget ${kb(BUDGET_BYTES)}.`);
if (worst.bytes > BUDGET_BYTES) {
  console.error(
    `Over budget by ${kb(worst.bytes - BUDGET_BYTES)}: move code out of the first page or drop a dependency.`,
  );
  process.exit(1);
}
