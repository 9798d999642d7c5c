// Inline suppressions in ARM JSON: `"metadata": {"azready": {"suppress": [{"rule", "reason"}]}}` on a
// resource object, read from the template file at the resource's declaration with jsonc-parser.
import { findNodeAtOffset, getNodeValue, parseTree, type Node } from 'jsonc-parser';
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import { LineMap } from '../core/line-map.js';
import type { SourceRange } from '../core/source-range.js';
import type { InlineSuppression } from './inline-bicep.js';

/** A parsed template file, to look up many resources in one read. */
export class ArmSuppressionReader {
  private readonly root: Node | undefined;
  private readonly lineStarts: number[] = [0];
  private readonly lineMap: LineMap;
  private readonly seen = new Set<Node>();
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    readonly file: string,
    text: string,
  ) {
    this.root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
    this.lineMap = new LineMap(text);
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  /** The suppressions declared on the resource object whose declaration starts at `at`. */
  at(at: SourceRange): InlineSuppression[] {
    if (!this.root) return [];
    const offset = (this.lineStarts[at.startLine - 1] ?? 0) + at.startColumn - 1;
    let node = findNodeAtOffset(this.root, offset, true);
    // Climb to the resource object: the innermost object with a `type` member.
    while (node && !(node.type === 'object' && member(node, 'type'))) node = node.parent;
    if (!node) return [];
    const list = member(member(member(node, 'metadata'), 'azready'), 'suppress');
    if (!list) return [];
    const first = !this.seen.has(list);
    this.seen.add(list);
    const out: InlineSuppression[] = [];
    const where = (n: Node) => this.lineMap.range(this.file, n.offset, n.length);
    if (list.type !== 'array') {
      if (first) this.diagnostics.push(diagnostic('suppressions/invalid', 'error', 'metadata.azready.suppress must be an array of { "rule": "<rule-id>", "reason": "<why>" }', where(list)));
      return [];
    }
    for (const item of list.children ?? []) {
      const value = getNodeValue(item) as { rule?: unknown; reason?: unknown } | null;
      const rule = typeof value?.rule === 'string' ? value.rule.trim() : '';
      const reason = typeof value?.reason === 'string' ? value.reason.trim() : '';
      if (!rule || !reason) {
        if (first) {
          const message = !rule
            ? 'a suppression in metadata.azready.suppress needs a "rule" (the rule id) and a "reason"'
            : `the suppression of ${rule} needs a "reason": say why the finding is accepted`;
          this.diagnostics.push(diagnostic(rule ? 'suppressions/missing-reason' : 'suppressions/missing-rule', 'error', message, where(item)));
        }
        continue;
      }
      out.push({ rules: [rule], reason, line: where(item).startLine, file: this.file });
    }
    return out;
  }
}

function member(node: Node | undefined, key: string): Node | undefined {
  if (node?.type !== 'object') return undefined;
  for (const prop of node.children ?? []) {
    const [k, v] = prop.children ?? [];
    if (k && typeof k.value === 'string' && k.value.toLowerCase() === key.toLowerCase()) return v;
  }
  return undefined;
}
