// Prints configuration and usage errors as `file:line:column message` on stderr.
import { formatDiagnostic, type Diagnostic } from '../core/diagnostic.js';

export function printDiagnostics(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
}
