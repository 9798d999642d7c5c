// stdout whose reader went away (`azready … | head`): the rest of the output is dropped quietly.
let pipeGuarded = false;

/**
 * `azready scan -f json | head`: the reader closes the pipe early. That is not an error of the run;
 * the rest of the output is dropped and the command goes on to its gate and exit code (Node's
 * default ended the process with exit code 13 and an "unsettled top-level await" warning).
 */
export function ignoreClosedPipe(): void {
  if (pipeGuarded) return;
  pipeGuarded = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    // Nobody reads any more: later writes succeed at once, and whoever waits for the buffer to
    // drain (oclif's final flush) is released; the stream itself never drains after EPIPE.
    process.stdout.write = (() => true) as typeof process.stdout.write;
    process.stdout.emit('drain');
  });
}
