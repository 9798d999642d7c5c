// ARM accepts raw line breaks (and tabs) inside JSON strings, and real templates split long
// expressions over several lines that way; strict JSON parsers stop at the first one.
import type { Node } from 'jsonc-parser';

const RAW = /[\n\r\t]/;

/**
 * `text` with every raw line break or tab inside a string replaced by a space, so a strict parser
 * accepts it and every offset stays the same; undefined when no string holds one.
 */
export function maskRawBreaksInStrings(text: string): string | undefined {
  let out: string[] | undefined;
  let from = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      else if (c === '\n' || c === '\r' || c === '\t') {
        (out ??= []).push(text.slice(from, i), ' ');
        from = i + 1;
      }
    } else if (c === '"') inString = true;
    else if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    }
  }
  if (!out) return undefined;
  out.push(text.slice(from));
  return out.join('');
}

/** Gives string nodes parsed from the masked text their real values, line breaks included. */
export function restoreRawBreaks(node: Node | undefined, text: string): void {
  if (!node) return;
  if (node.type === 'string') {
    const raw = text.slice(node.offset, node.offset + node.length);
    if (!RAW.test(raw)) return;
    try {
      // Every raw control character escaped (ARM's reader takes them all inside strings).
      (node as { value: unknown }).value = JSON.parse(escapeControlCharacters(raw)) as string;
    } catch {
      // A string the parser had to close itself (unterminated): its syntax error is reported;
      // the masked value stands.
    }
    return;
  }
  for (const child of node.children ?? []) restoreRawBreaks(child, text);
}

/** `text` with every character below U+0020 written as a `\uXXXX` escape. */
function escapeControlCharacters(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out += c < 0x20 ? `\\u${c.toString(16).padStart(4, '0')}` : text[i];
  }
  return out;
}
