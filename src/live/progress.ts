// Progress of an audit on stderr: a self-rewriting line on a terminal, nothing in CI; the final
// count line is always written.

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export class Progress {
  private last = 0;
  private shown = false;

  constructor(
    private readonly stream: ProgressStream | undefined,
    private readonly interval = 100,
  ) {}

  /** Rewrites the status line, at most every `interval` ms, only on a terminal. */
  update(text: string, force = false): void {
    if (!this.stream?.isTTY) return;
    const now = Date.now();
    if (!force && now - this.last < this.interval) return;
    this.last = now;
    this.shown = true;
    this.stream.write(`\r\x1b[2K${text}`);
  }

  /** Clears the status line and writes the summary. */
  done(summary: string): void {
    if (!this.stream) return;
    if (this.shown) this.stream.write('\r\x1b[2K');
    this.stream.write(summary + '\n');
  }
}
