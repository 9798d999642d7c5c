// Writes an audit snapshot while the audit runs: the header, each Resource Graph page as it
// arrives (memory stays bounded), then the ARM GET results and the diagnostics. The file appears
// under its name only when complete.
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import type { AuditSnapshotHeader, ExtraRow } from '../resource-graph/audit-snapshot.js';

export class SnapshotWriter {
  private rows = 0;
  private readonly partial: string;
  private fd: number | undefined;

  constructor(
    private readonly file: string,
    header: AuditSnapshotHeader,
  ) {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.partial = `${file}.partial`;
    this.fd = openSync(this.partial, 'w');
    const head = JSON.stringify(header, null, 2);
    writeSync(this.fd, `${head.slice(0, -2)},\n  "data": [`);
  }

  writeRows(rows: readonly Record<string, unknown>[]): void {
    if (this.fd === undefined) return;
    for (const row of rows) writeSync(this.fd, `${this.rows++ ? ',' : ''}\n    ${JSON.stringify(row)}`);
  }

  finish(extras: readonly ExtraRow[], diagnostics: readonly Diagnostic[]): void {
    if (this.fd === undefined) return;
    const list = (items: readonly unknown[]): string => (items.length ? `\n${items.map((x) => `    ${JSON.stringify(x)}`).join(',\n')}\n  ` : '');
    writeSync(this.fd, `${this.rows ? '\n  ' : ''}],\n  "extras": [${list(extras)}],\n  "diagnostics": [${list(diagnostics)}]\n}\n`);
    closeSync(this.fd);
    this.fd = undefined;
    renameSync(this.partial, this.file);
  }

  abort(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
    rmSync(this.partial, { force: true });
  }
}
