#!/usr/bin/env node
// `npm start`'s first step: builds the packages the platform runs from (core, the SDK, the plugins
// and the web portal, through turbo's cache). On a fresh clone that takes a minute or two, so it says what it
// is doing and which package it is on; when everything is cached it prints nothing. On a failure
// it prints the failing packages' build output.
import { spawn } from 'node:child_process';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
// The plugins (and what they depend on) and the web portal the default deployment serves at `/`.
const args = [
  'run',
  'build',
  '--filter=./plugins/*...',
  '--filter=./examples/web-portal...',
  '--output-logs=new-only',
  '--log-order=stream',
];
const turbo = spawn(process.platform === 'win32' ? 'turbo.cmd' : 'turbo', args, {
  cwd: root,
  env: { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}` },
  stdio: ['ignore', 'pipe', 'pipe'],
  shell: process.platform === 'win32',
});

const began = Date.now();
const seconds = () => Math.round((Date.now() - began) / 1000);
const logs = new Map(); // package → its build output, shown if the build fails
const other = []; // turbo's own lines (summary, errors)
let building = 0;
let heartbeat;

function onLine(line) {
  const task = /^(\S+):build: ?(.*)$/.exec(line);
  if (!task) {
    other.push(line);
    return;
  }
  const [, pkg, text] = task;
  if (!logs.has(pkg)) logs.set(pkg, []);
  logs.get(pkg).push(text);
  if (!text.startsWith('cache miss')) return;
  if (building++ === 0) {
    process.stderr.write(
      "Building the platform's packages (a minute or two on a fresh clone; later starts reuse the build)…\n",
    );
    heartbeat = setInterval(() => process.stderr.write(`  … still building (${seconds()} s)\n`), 30_000);
  }
  process.stderr.write(`  building ${pkg}\n`);
}

for (const stream of [turbo.stdout, turbo.stderr]) {
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    const lines = (rest + chunk).split(/\r?\n/);
    rest = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  });
  stream.on('end', () => rest && onLine(rest));
}

turbo.on('error', (error) => {
  process.stderr.write(`Could not run turbo (${error.message}): run "npm install" first.\n`);
  process.exit(1);
});

turbo.on('close', (code) => {
  clearInterval(heartbeat);
  if (code === 0) {
    if (building > 0)
      process.stderr.write(`Built ${building} package${building === 1 ? '' : 's'} in ${seconds()} s.\n`);
    return;
  }
  // turbo's summary names the failed tasks as "Failed:    <package>#build".
  const failed = other.flatMap((line) => [...line.matchAll(/(\S+)#build/g)].map((m) => m[1]));
  const shown = [...new Set(failed)].filter((pkg) => logs.has(pkg));
  for (const pkg of shown.length > 0 ? shown : [...logs.keys()]) {
    process.stderr.write(`\n${pkg} failed to build:\n${logs.get(pkg).join('\n')}\n`);
  }
  process.stderr.write(
    `\n${other.join('\n').trim()}\n\nThe build failed (exit ${code}); "npm start" did not start the platform.\n`,
  );
  process.exit(code ?? 1);
});
