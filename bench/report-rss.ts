// Preloaded (node --import) into a measured child when /usr/bin/time is absent: prints the process's
// peak resident set size, worker threads included, as the child exits.
import fs from 'node:fs';

process.on('exit', () => {
  fs.writeSync(2, `BENCH_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
