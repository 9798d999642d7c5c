// Diagnostics are values, never exceptions: every stage returns them next to its result.
import type { SourceRange } from './source-range.js';

/** One severity vocabulary for diagnostics everywhere; formatters map it once. */
export type DiagnosticSeverity = 'error' | 'warning' | 'info';

/** A problem found in the input or the configuration, with a stable code such as `arm/invalid-json`. */
export interface Diagnostic {
  code: string;
  severity: DiagnosticSeverity;
  message: string;
  location?: SourceRange;
}

export function diagnostic(
  code: string,
  severity: DiagnosticSeverity,
  message: string,
  location?: SourceRange,
): Diagnostic {
  return location ? { code, severity, message, location } : { code, severity, message };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** `file:line:column message`, the form a terminal and an editor both understand. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.location ? `${d.location.file}:${d.location.startLine}:${d.location.startColumn} ` : '';
  return `${where}${d.severity} ${d.code}: ${d.message}`;
}
