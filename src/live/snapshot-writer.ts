// Writes an audit snapshot while the audit runs: the header, each Resource Graph page as it
// arrives (memory stays bounded), then the ARM GET results and the diagnostics. The file appears
// under its name only when complete. A write that fails (disk full, folder gone) stops the writing
// and is kept as `error`: the audit goes on and reports it.
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import type { AuditSnapshotHeader, ExtraRow } from '../resource-graph/audit-snapshot.js';

export class SnapshotWriter {
  private rows = 0;
  private readonly partial: string;
  private fd: number | undefined;
  /** Why the snapshot could not be written, once a write failed. */
  error?: string;

  constructor(
    private readonly file: string,
    header: AuditSnapshotHeader,
  ) {
    this.partial = `${file}.partial`;
    this.attempt(() => {
      mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      this.fd = openSync(this.partial, 'w');
      const head = JSON.stringify(header, null, 2);
      writeSync(this.fd, `${head.slice(0, -2)},\n  "data": [`);
    });
  }

  writeRows(rows: readonly Record<string, unknown>[]): void {
    const fd = this.fd;
    if (fd === undefined) return;
    this.attempt(() => {
      for (const row of rows) writeSync(fd, `${this.rows++ ? ',' : ''}\n    ${JSON.stringify(row)}`);
    });
  }

  finish(extras: readonly ExtraRow[], diagnostics: readonly Diagnostic[]): void {
    const fd = this.fd;
    if (fd === undefined) return;
    const list = (items: readonly unknown[]): string => (items.length ? `\n${items.map((x) => `    ${JSON.stringify(x)}`).join(',\n')}\n  ` : '');
    this.attempt(() => {
      writeSync(fd, `${this.rows ? '\n  ' : ''}],\n  "extras": [${list(extras)}],\n  "diagnostics": [${list(diagnostics)}]\n}\n`);
      closeSync(fd);
      this.fd = undefined;
      renameSync(this.partial, this.file);
    });
  }

  abort(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    rmSync(this.partial, { force: true });
  }

  /** Runs a step of the writing; a failure ends it, removes the partial file and is remembered. */
  private attempt(step: () => void): void {
    try {
      step();
    } catch (e) {
      this.error ??= `${(e as NodeJS.ErrnoException).code ?? 'error'}: ${(e as Error).message}`;
      try {
        this.abort();
      } catch {
        // The partial file may be where nothing can be removed; the error above says why.
      }
    }
  }
}
