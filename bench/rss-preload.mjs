// Preloaded into a measured process (node --import): reports its peak memory on exit, on stderr.
// VmHWM (this process's own high-water mark) where /proc has it: getrusage's maxRSS survives
// exec on Linux, so a child spawned by a big parent would report the parent's size.
import { readFileSync } from 'node:fs';

process.on('exit', () => {
  let kb = process.resourceUsage().maxRSS;
  try {
    const m = /VmHWM:\s*(\d+)\s*kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) kb = Number(m[1]);
  } catch {
    // not Linux: maxRSS it is
  }
  process.stderr.write(`\n@@maxrss ${kb}\n`);
});
