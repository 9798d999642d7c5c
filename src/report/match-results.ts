// Finds a result's counterpart in another report (a baseline, an earlier scan): the same rule, the
// same resource id (case-folded, as ARM ids are), the same parameters file(s), and the same file.
// Two templates in different folders often name the same resources (dev/ and prod/ copies of one
// template, both in the placeholder resource group): without the file, a new failure in prod/
// would pass as the one already accepted in dev/.
import { resourceKey, type RuleResult } from '../engine/result.js';

export class ResultMatcher {
  private readonly byKey = new Map<string, RuleResult[]>();

  constructor(results: readonly RuleResult[]) {
    for (const r of results) {
      const k = matchKey(r);
      const list = this.byKey.get(k);
      if (list) list.push(r);
      else this.byKey.set(k, [r]);
    }
  }

  /**
   * The results that stand for `r`: same rule, resource and parameters, in the same file. The two
   * reports may spell one file differently (from the repository root, absolute, from another
   * folder, with backslashes): files match when one path ends with the other, segment by segment.
   * A result without a location (a live resource) matches on the rest alone.
   */
  matches(r: RuleResult): RuleResult[] {
    const list = this.byKey.get(matchKey(r));
    if (!list) return [];
    const file = r.location?.file;
    if (file === undefined) return list;
    return list.filter((c) => c.location?.file === undefined || sameFile(c.location.file, file));
  }
}

function matchKey(r: RuleResult): string {
  return `${r.ruleId.toLowerCase()}\u0000${resourceKey(r.resource, r.location?.file)}`;
}

/** Whether two spellings of a path can name one file: the shorter is a tail of the longer. */
export function sameFile(a: string, b: string): boolean {
  if (a === b) return true;
  const x = segments(a);
  const y = segments(b);
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length === 0) return false;
  const offset = long.length - short.length;
  // Case-insensitively: Windows and macOS file systems do not tell `Infra` from `infra`.
  for (let i = 0; i < short.length; i++) if (short[i].toLowerCase() !== long[offset + i].toLowerCase()) return false;
  return true;
}

/** The named segments of a path: no `.`, no leading `..`, no drive or root, either slash. */
function segments(p: string): string[] {
  const out: string[] = [];
  for (const s of p.replace(/\\/g, '/').split('/')) {
    if (s === '' || s === '.' || /^[A-Za-z]:$/.test(s)) continue;
    if (s === '..') {
      if (out.length) out.pop();
      continue;
    }
    out.push(s);
  }
  return out;
}
