// Reads a saved JSON report for `azready report convert|diff`: parsed, then validated against
// reports/schema/report.schema.json, so a file that is not a report fails with a clear message.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { packageRoot } from '../core/package-root.js';
import type { Report } from './report.js';

export type ReadReportOutcome = { ok: true; report: Report } | { ok: false; message: string };

let validate: ValidateFunction | undefined;

export function reportValidator(): ValidateFunction {
  if (!validate) {
    const schema = JSON.parse(readFileSync(path.join(packageRoot(), 'reports', 'schema', 'report.schema.json'), 'utf8')) as object;
    // Formats (date-time) are not checked: a report is data we wrote, not untrusted input.
    validate = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(schema);
  }
  return validate;
}

/** The report in `file`, or why it cannot be read as one (at most five schema errors, with their JSON pointers). */
export function readReport(file: string): ReadReportOutcome {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { ok: false, message: `${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, message: `${file}: not JSON (${(e as Error).message})` };
  }
  const other = otherOutput(data);
  if (other) return { ok: false, message: `${file}: ${other}, not an azready report; give the JSON report (azready scan --format json --output FILE)` };
  const check = reportValidator();
  if (!check(data)) {
    const errors = (check.errors ?? []).slice(0, 5).map((err) => `  ${err.instancePath || '/'} ${err.message ?? 'is invalid'}`);
    const more = (check.errors?.length ?? 0) > 5 ? `\n  … and ${(check.errors?.length ?? 0) - 5} more` : '';
    return { ok: false, message: `${file}: not an azready report (reports/schema/report.schema.json):\n${errors.join('\n')}${more}` };
  }
  return { ok: true, report: data as Report };
}

/** azready's other outputs, which users pass where the JSON report belongs (`--baseline azready.sarif`). */
function otherOutput(data: unknown): string | undefined {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const o = data as Record<string, unknown>;
  if (Array.isArray(o.runs) && typeof o.version === 'string') return `a SARIF ${o.version} log`;
  if (Array.isArray(o.points) && 'mixedProfiles' in o) return 'the output of azready report trend';
  if (Array.isArray(o.fixed) && Array.isArray(o.stillFailing)) return 'the output of azready report diff';
  if (Array.isArray(o.resources) && Array.isArray(o.diagnostics) && !('summary' in o)) return 'the output of azready resources';
  return undefined;
}
