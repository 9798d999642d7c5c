// Writes the compiled template as JSON text while recording, for every emitted value that
// carries a Bicep range, the offset it lands at: the span map JsonDocument.fromCompiled reads.
import type { SourceRange } from '../../core/source-range.js';

/** A JSON value under construction, optionally tagged with the Bicep range it came from. */
export type Emitted =
  | { kind: 'value'; value: unknown; span?: SourceRange }
  | { kind: 'object'; entries: [string, Emitted][]; span?: SourceRange }
  | { kind: 'array'; items: Emitted[]; span?: SourceRange };

export const ev = (value: unknown, span?: SourceRange): Emitted => ({ kind: 'value', value, ...(span ? { span } : {}) });
export const eo = (entries: [string, Emitted][], span?: SourceRange): Emitted => ({ kind: 'object', entries, ...(span ? { span } : {}) });
export const ea = (items: Emitted[], span?: SourceRange): Emitted => ({ kind: 'array', items, ...(span ? { span } : {}) });

export function emitJson(root: Emitted): { text: string; spans: Map<number, SourceRange> } {
  const parts: string[] = [];
  let length = 0;
  const spans = new Map<number, SourceRange>();
  const write = (s: string) => {
    parts.push(s);
    length += s.length;
  };
  const visit = (e: Emitted) => {
    if (e.span) spans.set(length, e.span);
    switch (e.kind) {
      case 'value':
        write(JSON.stringify(e.value ?? null));
        return;
      case 'array':
        write('[');
        e.items.forEach((item, i) => {
          if (i) write(',');
          visit(item);
        });
        write(']');
        return;
      case 'object':
        write('{');
        e.entries.forEach(([k, v], i) => {
          if (i) write(',');
          // The key's offset stands for the whole member, as JsonDocument reads members.
          if (v.span && !spans.has(length)) spans.set(length, v.span);
          write(JSON.stringify(k));
          write(':');
          visit(v);
        });
        write('}');
        return;
    }
  };
  visit(root);
  return { text: parts.join(''), spans };
}
