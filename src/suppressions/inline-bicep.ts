// Inline suppressions in Bicep: `// azready-disable-next-line <rule-id> <reason>` on the line before
// the resource or property a finding points at. Read from the Bicep tree's comments.
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import { parseBicep } from '../bicep/parse-bicep.js';

export const BICEP_DIRECTIVE = 'azready-disable-next-line';

/** One `azready-disable-next-line` comment. */
export interface InlineSuppression {
  /** Rule ids or globs, compared case-insensitively. */
  rules: string[];
  reason: string;
  /** 1-based line of the comment; it applies to the next line. */
  line: number;
  file: string;
}

/**
 * The comments of `text` that suppress findings, and an error for each one without a reason.
 * Comments that only mention the directive in passing (not at their start) are ignored.
 */
export function bicepSuppressions(file: string, text: string): { suppressions: InlineSuppression[]; diagnostics: Diagnostic[] } {
  const tree = parseBicep(file, text);
  const suppressions: InlineSuppression[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const c of tree.comments) {
    const m = /^\/\/\s*azready-disable-next-line\b(.*)$/.exec(c.text);
    if (!m) continue;
    const [rules = '', ...rest] = m[1].trim().split(/\s+/);
    const reason = rest.join(' ').trim();
    const location = tree.lineMap.range(file, c.start, c.end - c.start);
    if (!rules) {
      diagnostics.push(diagnostic('suppressions/missing-rule', 'error', `${BICEP_DIRECTIVE} needs a rule id and a reason: // ${BICEP_DIRECTIVE} <rule-id> <reason>`, location));
      continue;
    }
    if (!reason) {
      diagnostics.push(diagnostic('suppressions/missing-reason', 'error', `the suppression of ${rules} needs a reason: // ${BICEP_DIRECTIVE} ${rules} <why the finding is accepted>`, location));
      continue;
    }
    suppressions.push({ rules: rules.split(',').filter(Boolean), reason, line: location.startLine, file });
  }
  return { suppressions, diagnostics };
}
