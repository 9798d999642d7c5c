// String functions of the ARM template language.
import { Unknown, type Value } from '../../../core/unknown.js';
import { EvaluationError } from '../eval-context.js';
import { arity, arr, describe, num, str } from './arg-checks.js';
import type { FunctionTable } from './function-def.js';

export function toArmString(v: Value): string {
  if (typeof v === 'string') return v;
  if (v === null) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export const stringFunctions: FunctionTable = {
  concat: {
    evaluate(args) {
      if (args.length > 0 && args.every(Array.isArray)) return (args as Value[][]).flat();
      return args.map((a) => {
        if (Array.isArray(a)) throw new EvaluationError('concat() cannot mix arrays and strings');
        return toArmString(a);
      }).join('');
    },
  },
  format: {
    evaluate(args) {
      arity('format', args, 1, Infinity);
      const fmt = str('format', args[0]);
      return fmt.replace(/\{\{|\}\}|\{(\d+)(?::([^}]*))?\}/g, (m, i: string | undefined, spec: string | undefined) => {
        if (m === '{{') return '{';
        if (m === '}}') return '}';
        const v = args[Number(i) + 1];
        if (v === undefined) throw new EvaluationError(`format() has no argument for {${i}}`);
        if (spec && typeof v === 'number') return formatNumber(v, spec);
        return toArmString(v);
      });
    },
  },
  tolower: { evaluate: (a) => (arity('toLower', a, 1), str('toLower', a[0]).toLowerCase()) },
  toupper: { evaluate: (a) => (arity('toUpper', a, 1), str('toUpper', a[0]).toUpperCase()) },
  string: { evaluate: (a) => (arity('string', a, 1), toArmString(a[0])) },
  trim: { evaluate: (a) => (arity('trim', a, 1), str('trim', a[0]).trim()) },
  replace: {
    evaluate(a) {
      arity('replace', a, 3);
      return str('replace', a[0]).split(str('replace', a[1])).join(str('replace', a[2]));
    },
  },
  substring: {
    evaluate(a) {
      arity('substring', a, 1, 3);
      const s = str('substring', a[0]);
      const start = a.length > 1 ? num('substring', a[1]) : 0;
      const len = a.length > 2 ? num('substring', a[2]) : s.length - start;
      if (start < 0 || len < 0 || start + len > s.length) {
        throw new EvaluationError(`substring() range ${start}+${len} is outside a string of length ${s.length}`);
      }
      return s.slice(start, start + len);
    },
  },
  split: {
    evaluate(a) {
      arity('split', a, 2);
      const s = str('split', a[0]);
      const seps = Array.isArray(a[1]) ? a[1].map((x) => str('split', x)) : [str('split', a[1])];
      let parts = [s];
      for (const sep of seps) parts = parts.flatMap((p) => p.split(sep));
      return parts;
    },
  },
  startswith: { evaluate: (a) => (arity('startsWith', a, 2), str('startsWith', a[0]).toLowerCase().startsWith(str('startsWith', a[1]).toLowerCase())) },
  endswith: { evaluate: (a) => (arity('endsWith', a, 2), str('endsWith', a[0]).toLowerCase().endsWith(str('endsWith', a[1]).toLowerCase())) },
  indexof: { evaluate: (a) => (arity('indexOf', a, 2), indexOf(a[0], a[1], false)) },
  lastindexof: { evaluate: (a) => (arity('lastIndexOf', a, 2), indexOf(a[0], a[1], true)) },
  padleft: {
    evaluate(a) {
      arity('padLeft', a, 2, 3);
      const s = toArmString(a[0]);
      const pad = a.length > 2 ? str('padLeft', a[2]) : ' ';
      return s.padStart(num('padLeft', a[1]), pad);
    },
  },
  base64: { evaluate: (a) => (arity('base64', a, 1), Buffer.from(str('base64', a[0]), 'utf8').toString('base64')) },
  base64tostring: { evaluate: (a) => (arity('base64ToString', a, 1), Buffer.from(str('base64ToString', a[0]), 'base64').toString('utf8')) },
  uri: {
    evaluate(a) {
      arity('uri', a, 2);
      return new URL(str('uri', a[1]), str('uri', a[0])).toString();
    },
  },
  guid: { evaluate: () => new Unknown('guid() is not evaluated by this version of azready', 'guid') },
  uniquestring: { evaluate: () => new Unknown('uniqueString() is not evaluated by this version of azready', 'uniqueString') },
  newguid: { acceptsUnknown: true, evaluate: () => new Unknown('newGuid() returns a new value at every deployment', 'newGuid') },
  utcnow: { acceptsUnknown: true, evaluate: () => new Unknown('utcNow() is the time of the deployment', 'utcNow') },
};

function indexOf(hay: Value, needle: Value, last: boolean): number {
  if (Array.isArray(hay)) {
    const i = hay.findIndex((x) => JSON.stringify(x) === JSON.stringify(needle));
    return last ? hay.map((x) => JSON.stringify(x)).lastIndexOf(JSON.stringify(needle)) : i;
  }
  const h = str('indexOf', hay).toLowerCase();
  const n = str('indexOf', needle).toLowerCase();
  return last ? h.lastIndexOf(n) : h.indexOf(n);
}

function formatNumber(v: number, spec: string): string {
  const m = /^([NnDdXx])(\d*)$/.exec(spec);
  if (!m) return String(v);
  const digits = m[2] ? Number(m[2]) : undefined;
  switch (m[1]) {
    case 'D':
    case 'd':
      return String(Math.trunc(v)).padStart(digits ?? 0, '0');
    case 'X':
      return Math.trunc(v).toString(16).toUpperCase().padStart(digits ?? 0, '0');
    case 'x':
      return Math.trunc(v).toString(16).padStart(digits ?? 0, '0');
    default:
      return v.toLocaleString('en-US', { minimumFractionDigits: digits ?? 2, maximumFractionDigits: digits ?? 2 });
  }
}

export { arr, describe };
