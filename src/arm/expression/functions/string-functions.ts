// String functions of the ARM template language (guid and uniqueString are in hash-functions.ts,
// the collection functions strings share with arrays in array-functions.ts).
import { Unknown, findUnknown, type Value } from '../../../core/unknown.js';
import { arity, describe, fail, int, str } from './arg-checks.js';
import { toArmString } from './arm-values.js';
import { formatComposite } from './format-string.js';
import type { FunctionTable } from './function-def.js';

export { toArmString };

export const stringFunctions: FunctionTable = {
  concat: {
    evaluate(args) {
      arity('concat', args, 1, Infinity);
      if (args.every(Array.isArray)) return (args as Value[][]).flat();
      const u = findUnknown(args);
      if (u) return u;
      return args
        .map((a) => {
          if (Array.isArray(a)) fail('concat', 'cannot mix arrays and strings');
          return toArmString(a);
        })
        .join('');
    },
  },
  format: {
    evaluate(args) {
      arity('format', args, 1, Infinity);
      const u = findUnknown(args);
      if (u) return u;
      return formatComposite(str('format', args[0]), args.slice(1));
    },
  },
  string: {
    evaluate(a) {
      arity('string', a, 1);
      // .NET prints booleans as True/False, hence the common `toLower(string(...))` in templates.
      if (typeof a[0] === 'boolean') return a[0] ? 'True' : 'False';
      return findUnknown(a) ?? toArmString(a[0]);
    },
  },
  tolower: { evaluate: (a) => (arity('toLower', a, 1), str('toLower', a[0]).toLowerCase()) },
  toupper: { evaluate: (a) => (arity('toUpper', a, 1), str('toUpper', a[0]).toUpperCase()) },
  trim: { evaluate: (a) => (arity('trim', a, 1), str('trim', a[0]).trim()) },
  replace: {
    evaluate(a) {
      arity('replace', a, 3);
      const s = str('replace', a[0]);
      const oldText = str('replace', a[1]);
      if (oldText === '') fail('replace', 'cannot replace an empty string');
      return s.split(oldText).join(str('replace', a[2]));
    },
  },
  substring: {
    evaluate(a) {
      arity('substring', a, 1, 3);
      const s = str('substring', a[0]);
      const start = a.length > 1 ? int('substring', a[1]) : 0;
      if (start < 0 || start > s.length) fail('substring', `start index ${start} is outside a string of length ${s.length}`);
      const len = a.length > 2 ? int('substring', a[2]) : s.length - start;
      if (len < 0 || start + len > s.length) fail('substring', `range ${start}+${len} is outside a string of length ${s.length}`);
      return s.slice(start, start + len);
    },
  },
  split: {
    evaluate(a) {
      arity('split', a, 2);
      const s = str('split', a[0]);
      const seps = Array.isArray(a[1]) ? a[1].map((x) => str('split', x)) : [str('split', a[1])];
      return splitAny(s, seps);
    },
  },
  startswith: { evaluate: (a) => (arity('startsWith', a, 2), str('startsWith', a[0]).toLowerCase().startsWith(str('startsWith', a[1]).toLowerCase())) },
  endswith: { evaluate: (a) => (arity('endsWith', a, 2), str('endsWith', a[0]).toLowerCase().endsWith(str('endsWith', a[1]).toLowerCase())) },
  padleft: {
    evaluate(a) {
      arity('padLeft', a, 2, 3);
      if (typeof a[0] !== 'string' && typeof a[0] !== 'number') fail('padLeft', `pads a string or an integer, got ${describe(a[0])}`);
      const width = int('padLeft', a[1]);
      const pad = a.length > 2 ? str('padLeft', a[2]) : ' ';
      if (pad.length !== 1) fail('padLeft', `pads with a single character, got '${pad}'`);
      return String(a[0]).padStart(width, pad);
    },
  },
  base64: { evaluate: (a) => (arity('base64', a, 1), Buffer.from(str('base64', a[0]), 'utf8').toString('base64')) },
  base64tostring: { evaluate: (a) => (arity('base64ToString', a, 1), decodeBase64('base64ToString', str('base64ToString', a[0]))) },
  base64tojson: {
    evaluate(a) {
      arity('base64ToJson', a, 1);
      const text = decodeBase64('base64ToJson', str('base64ToJson', a[0]));
      try {
        return JSON.parse(text) as Value;
      } catch {
        return fail('base64ToJson', 'decoded text that is not valid JSON');
      }
    },
  },
  datauri: {
    evaluate(a) {
      arity('dataUri', a, 1);
      const v = a[0];
      const u = findUnknown(a);
      if (u) return u;
      const text = typeof v === 'string' ? v : toArmString(v);
      const type = typeof v === 'string' ? 'text/plain;charset=utf8' : 'application/json;charset=utf8';
      return `data:${type};base64,${Buffer.from(text, 'utf8').toString('base64')}`;
    },
  },
  datauritostring: {
    evaluate(a) {
      arity('dataUriToString', a, 1);
      const uri = str('dataUriToString', a[0]);
      const m = /^data:([^,]*),(.*)$/is.exec(uri);
      if (!m) return fail('dataUriToString', 'expects a data URI such as data:text/plain;base64,…');
      const meta = m[1].split(';');
      if (meta[meta.length - 1].toLowerCase() === 'base64') return Buffer.from(m[2], 'base64').toString('utf8');
      return decodeURIComponent(m[2]);
    },
  },
  uri: {
    evaluate(a) {
      arity('uri', a, 2);
      const base = str('uri', a[0]);
      try {
        return new URL(str('uri', a[1]), base).toString();
      } catch {
        return fail('uri', `cannot combine '${base}' with '${String(a[1])}'`);
      }
    },
  },
  // EscapeDataString: like encodeURIComponent, but also escapes !'()* (template-functions-string#uricomponent).
  uricomponent: {
    evaluate: (a) => (arity('uriComponent', a, 1), encodeURIComponent(str('uriComponent', a[0])).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)),
  },
  uricomponenttostring: {
    evaluate(a) {
      arity('uriComponentToString', a, 1);
      try {
        return decodeURIComponent(str('uriComponentToString', a[0]).replace(/\+/g, ' '));
      } catch {
        return fail('uriComponentToString', 'was given text that is not URI-encoded');
      }
    },
  },
  // Their output shapes are not in the documentation azready was checked against; guessing would
  // put wrong values in findings.
  parseuri: unverified('parseUri'),
  builduri: unverified('buildUri'),
  like: unverified('like'),
  newguid: { acceptsUnknown: true, evaluate: () => new Unknown('newGuid() returns a new value at every deployment', 'newGuid') },
};

function splitAny(s: string, seps: string[]): string[] {
  const parts: string[] = [];
  let start = 0;
  let i = 0;
  while (i <= s.length) {
    const sep = seps.find((d) => d !== '' && s.startsWith(d, i));
    if (sep !== undefined) {
      parts.push(s.slice(start, i));
      i += sep.length;
      start = i;
    } else i++;
  }
  parts.push(s.slice(start));
  return parts;
}

function decodeBase64(name: string, text: string): string {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text.trim()) || text.trim().length % 4 !== 0) fail(name, 'was given text that is not base64');
  return Buffer.from(text, 'base64').toString('utf8');
}

function unverified(name: string) {
  return {
    acceptsUnknown: true,
    evaluate: (): Value => new Unknown(`${name}() is not evaluated by this version of azready: its exact results are not verified`, name),
  };
}
