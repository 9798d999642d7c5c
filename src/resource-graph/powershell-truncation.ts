// PowerShell's ConvertTo-Json stops at -Depth 2 unless told otherwise and writes deeper objects as
// strings (`@{name=Standard_LRS; tier=Standard}`, `System.Object[]`). A snapshot exported that way
// would read as a resource whose settings are absent, and Azure's defaults would stand in for
// them: every such value becomes an Unknown instead, and the file gets one diagnostic.
import { Unknown } from '../core/unknown.js';

// A cut-off array is its elements' texts joined by spaces (`System.Object[] System.Object[]`).
const TYPE_NAME = String.raw`System\.Collections\.Hashtable|System\.Object\[\]|System\.Management\.Automation\.PSCustomObject`;
const TRUNCATED = new RegExp(String.raw`^(@\{.*\}|(?:${TYPE_NAME})(?: (?:${TYPE_NAME}))*)$`, 's');

export const TRUNCATION_ADVICE = 'PowerShell ConvertTo-Json cut these values off at its default -Depth of 2; export again with ConvertTo-Json -Depth 100';

/**
 * `row` with every value that ConvertTo-Json cut off replaced by an Unknown, and the paths of
 * those values (none: the row is returned as it is).
 */
export function markTruncatedValues(row: Record<string, unknown>): { row: Record<string, unknown>; paths: string[] } {
  const paths: string[] = [];
  const visit = (v: unknown, at: string): unknown => {
    if (typeof v === 'string') {
      if (!TRUNCATED.test(v)) return v;
      paths.push(at);
      return new Unknown(`${at} is PowerShell text, not JSON (${v.length > 40 ? v.slice(0, 37) + '…' : v}): export the snapshot with ConvertTo-Json -Depth 100`);
    }
    if (Array.isArray(v)) {
      let out: unknown[] | undefined;
      v.forEach((x, i) => {
        const y = visit(x, `${at}[${i}]`);
        if (y !== x) (out ??= [...v])[i] = y;
      });
      return out ?? v;
    }
    if (v && typeof v === 'object') {
      let out: Record<string, unknown> | undefined;
      for (const [k, x] of Object.entries(v)) {
        const y = visit(x, at ? `${at}.${k}` : k);
        if (y !== x) (out ??= { ...(v as Record<string, unknown>) })[k] = y;
      }
      return out ?? v;
    }
    return v;
  };
  const out = visit(row, '') as Record<string, unknown>;
  return { row: out, paths };
}
