#!/usr/bin/env node
// Entry point of the azready CLI: hands argv to oclif, which loads the compiled commands from dist/.
import { execute } from '@oclif/core';

// A reader that stops early (`azready scan -f json | head`) closes the pipe: stop quietly, as other
// command-line tools do, instead of failing on the write that can no longer happen.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

await execute({ dir: import.meta.url });
