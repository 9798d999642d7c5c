// Inline suppressions in Bicep: `// azready-disable-next-line <rule-id> <reason>` on the line before
// the resource or property a finding points at. Read from the Bicep tree's comments.
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import { parseBicep } from '../bicep/parse-bicep.js';
import type { DeclarationBody, Expression, IfNode, ResourceDeclNode, Statement, SyntaxTree } from '../bicep/syntax/nodes.js';

export const BICEP_DIRECTIVE = 'azready-disable-next-line';

/** One `azready-disable-next-line` comment. */
export interface InlineSuppression {
  /** Rule ids or globs, compared case-insensitively. */
  rules: string[];
  reason: string;
  /** 1-based line of the comment (or of the ARM metadata entry). */
  line: number;
  file: string;
}

/**
 * A Bicep suppression comment and the 1-based line it applies to: the next one, or, when
 * decorators follow the comment, the line of the declaration they decorate (findings point at
 * its keyword, not at a decorator).
 */
export type BicepSuppression = InlineSuppression & { target: number };

/**
 * The comments of `text` that suppress findings, and an error for each one without a reason.
 * Comments that only mention the directive in passing (not at their start) are ignored.
 */
export function bicepSuppressions(file: string, text: string): { suppressions: BicepSuppression[]; diagnostics: Diagnostic[] } {
  const tree = parseBicep(file, text);
  const decorated = decoratedLines(tree);
  const suppressions: BicepSuppression[] = [];
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
    const next = location.startLine + 1;
    suppressions.push({ rules: rules.split(',').filter(Boolean), reason, line: location.startLine, target: decorated.get(next) ?? next, file });
  }
  return { suppressions, diagnostics };
}

/** Each line of a declaration's decorators (and comments among them) → the line of its keyword. */
function decoratedLines(tree: SyntaxTree): Map<number, number> {
  const out = new Map<number, number>();
  const visit = (node: Statement | ResourceDeclNode): void => {
    if (node.kind === 'skipped') return;
    if (node.decorators.length && 'name' in node && node.name) {
      const first = tree.lineMap.position(node.decorators[0].start).line;
      const keyword = tree.lineMap.position(node.name.start).line;
      for (let l = first; l < keyword; l++) out.set(l, keyword);
    }
    if (node.kind !== 'resource-decl') return;
    // Nested resources in the body, also under a loop or a condition.
    let body: Expression | DeclarationBody | IfNode = node.value;
    while (body.kind === 'for' || body.kind === 'if') body = body.body;
    if (body.kind === 'object') for (const item of body.items) if (item.kind === 'resource-decl') visit(item);
  };
  for (const s of tree.statements) visit(s);
  return out;
}
