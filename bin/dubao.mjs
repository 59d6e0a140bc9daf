#!/usr/bin/env node
// The `dubao` command: runs the TypeScript CLI through tsx (no separate build step).
import { register } from 'tsx/esm/api';

register();
const { run, UsageError } = await import('../lib/cli/main.ts');
try {
  process.stdout.write(run(process.argv.slice(2)) + '\n');
} catch (e) {
  if (e instanceof UsageError) {
    process.stderr.write(`dubao: ${e.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`dubao: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
