#!/usr/bin/env node
// Patches postgres.js 3.4.9 (the latest release) after install: when PostgreSQL's connection
// drops, its write batching (a) calls `socket.write` on a closed connection from a setImmediate,
// an uncatchable TypeError that kills the whole platform, and (b) leaves a stale write timer that
// makes every later query on that pooled connection hang forever. Found by the reliability suite's
// database-outage scenario. Upstream: porsager/postgres#1154, #1208 (PRs #1168, #1209, unmerged).
// Remove this script once a release carries the fix. Idempotent; fails loudly on unknown code.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const MARKER = '/* lifelong: nextWrite patch */';

const REPLACEMENTS = [
  [
    `  function nextWrite(fn) {
    const x = socket.write(chunk, fn)`,
    `  function nextWrite(fn) {
    ${MARKER}
    if (socket === null) {
      // Closed since the write was queued: settle the waiting queries instead of throwing.
      chunk = nextWriteTimer = null
      error(Errors.connection('CONNECTION_CLOSED', options))
      return false
    }
    const x = socket.write(chunk, fn)`,
  ],
  [
    `    clearImmediate(nextWriteTimer)
    if (socket) {`,
    `    clearImmediate(nextWriteTimer)
    chunk = nextWriteTimer = null
    if (socket) {`,
  ],
  [
    `    clearImmediate(nextWriteTimer)
    socket.removeListener('data', data)`,
    `    clearImmediate(nextWriteTimer)
    chunk = nextWriteTimer = null
    socket.removeListener('data', data)`,
  ],
];

// The installed copy, found as Node would find it from here (postgres.js does not export its package.json).
let root;
for (let dir = process.cwd(); ; dir = dirname(dir)) {
  if (existsSync(join(dir, 'node_modules/postgres/package.json'))) {
    root = join(dir, 'node_modules/postgres');
    break;
  }
  if (dirname(dir) === dir) process.exit(0); // postgres.js is not installed: nothing to patch.
}
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
for (const file of ['src/connection.js', 'cjs/src/connection.js', 'cf/src/connection.js']) {
  const path = join(root, file);
  if (!existsSync(path)) continue;
  let source = readFileSync(path, 'utf8');
  if (source.includes(MARKER)) continue;
  for (const [from, to] of REPLACEMENTS) {
    if (!source.includes(from)) {
      console.error(`patch-postgres-js: postgres ${version} ${file} has changed; review scripts/patch-postgres-js.mjs`);
      process.exit(1);
    }
    source = source.replace(from, to);
  }
  writeFileSync(path, source);
  console.log(`patch-postgres-js: patched postgres ${version} ${file}`);
}
