#!/usr/bin/env node
// The published entry point: the CLI is compiled to dist/ by `npm run build`.
import '../dist/cli/entry.js';
