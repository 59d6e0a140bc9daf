// The entry of the compiled command line (dist/dubao.mjs, built by scripts/build-cli.ts).
import { run, UsageError } from './main';
import { InputError } from './files';

// A reader that stops early (| head) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

try {
  process.exitCode = await run(process.argv.slice(2), (s) => process.stdout.write(s + '\n'), new URL('./worker.mjs', import.meta.url));
} catch (e) {
  process.stderr.write(`dubao: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`);
  process.exitCode = e instanceof UsageError || e instanceof InputError ? 2 : 1;
}
