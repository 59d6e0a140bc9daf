// Preload for CLI tests (node --import): every worker thread the command starts is named on stderr.
import { createRequire, syncBuiltinESMExports } from 'node:module';

const threads = createRequire(import.meta.url)('node:worker_threads');
const Worker = threads.Worker;
threads.Worker = class extends Worker {
  constructor(url, options) {
    process.stderr.write(`@@worker ${String(url)}\n`);
    super(url, options);
  }
};
syncBuiltinESMExports();
