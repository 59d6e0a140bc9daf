#!/usr/bin/env node
// The `dubao` command: the command line compiled ahead by `npm run build` (dist/dubao.mjs).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/dubao.mjs', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('dubao: the command line is not built yet: run `npm run build`\n');
  process.exit(2);
}
await import(entry.href);
