// Object functions: createObject, items, json, null, objectKeys, shallowMerge and tryGet. The
// collection functions objects share with arrays (union, contains…) live in array-functions.ts.
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { Unknown, isUnknown, type Value } from '../../../core/unknown.js';
import { EvaluationError } from '../eval-context.js';
import { arity, arr, describe, fail, obj, str } from './arg-checks.js';
import { isObject, propertyKey, type ArmObject } from './arm-values.js';
import type { FunctionTable } from './function-def.js';

/** Unknown values keep the object's other properties known; an Unknown key makes it Unknown. */
function createObject(a: Value[]): Value {
  const unknownKey = a.find((x, i) => i % 2 === 0 && isUnknown(x));
  if (unknownKey !== undefined) return unknownKey;
  if (a.length % 2) fail('createObject', `takes key/value pairs, got ${a.length} argument(s)`);
  const out: ArmObject = {};
  for (let i = 0; i < a.length; i += 2) {
    const key = str('createObject', a[i]);
    if (key in out) fail('createObject', `was given the property '${key}' twice`);
    out[key] = a[i + 1];
  }
  return out;
}

export const objectFunctions: FunctionTable = {
  createobject: {
    acceptsUnknown: true,
    evaluate: createObject,
    // A value that fails with these parameter values is unknown on its own, as each property of
    // an ARM property loop is (Bicep's for-expressions in properties become map() of createObject()).
    evaluateNodes(nodes, ctx, evaluate) {
      const a: Value[] = [];
      for (let i = 0; i < nodes.length; i++) {
        if (i % 2 === 0 || !ctx.runtimeFailure) {
          a.push(evaluate(nodes[i], ctx));
          continue;
        }
        try {
          a.push(evaluate(nodes[i], ctx));
        } catch (e) {
          if (!(e instanceof EvaluationError) || e.kind !== 'runtime') throw e;
          ctx.runtimeFailure(e);
          a.push(new Unknown(`the expression failed: ${e.message}`));
        }
      }
      return createObject(a);
    },
  },
  items: {
    evaluate(a) {
      arity('items', a, 1);
      const o = obj('items', a[0]);
      // Sorted by key, case-insensitively (template-functions-object#items).
      return Object.keys(o)
        .sort((x, y) => ordinalIgnoreCase(x, y))
        .map((key) => ({ key, value: o[key] }));
    },
  },
  json: {
    evaluate(a) {
      arity('json', a, 1);
      if (a[0] === null) return {};
      const text = str('json', a[0]);
      // ARM documents json() for well-formed JSON and null only; an empty string (often a secure
      // parameter's placeholder default) gets no documented result.
      if (text.trim() === '') return fail('json', 'was given an empty string, for which ARM documents no result', 'undocumented');
      let quoted: string;
      try {
        quoted = doubleQuoted(text);
      } catch {
        return fail('json', 'was given text with an unterminated string');
      }
      try {
        return JSON.parse(quoted) as Value;
      } catch {
        // ARM's JSON reader skips comments and tolerates trailing commas (json(loadTextContent('x.jsonc'))).
        const errors: ParseError[] = [];
        const value = parseJsonc(quoted, errors, { allowTrailingComma: true }) as Value | undefined;
        if (errors.length === 0 && value !== undefined) return value;
        // ARM's reader (Newtonsoft.Json) also takes `.25`, `1.` and unquoted property names
        // (the container-app quickstarts deploy `cpu: json('.25')`).
        const lenientErrors: ParseError[] = [];
        const lenient = parseJsonc(newtonsoftLenient(quoted), lenientErrors, { allowTrailingComma: true }) as Value | undefined;
        if (lenientErrors.length === 0 && lenient !== undefined) return lenient;
        return fail('json', 'was given text that is not valid JSON');
      }
    },
  },
  null: { evaluate: (a) => (arity('null', a, 0), null) },
  objectkeys: {
    evaluate(a) {
      arity('objectKeys', a, 1);
      return Object.keys(obj('objectKeys', a[0]));
    },
  },
  shallowmerge: {
    evaluate(a) {
      arity('shallowMerge', a, 1);
      const out: ArmObject = {};
      for (const o of arr('shallowMerge', a[0])) {
        if (isUnknown(o)) return o;
        for (const [k, v] of Object.entries(obj('shallowMerge', o))) out[propertyKey(out, k) ?? k] = v;
      }
      return out;
    },
  },
  tryget: {
    evaluate(a) {
      arity('tryGet', a, 2, Infinity);
      // Every step is safe: Bicep compiles a whole `a.?b.c[^1]` chain into one tryGet().
      let cur: Value = a[0];
      for (const k of a.slice(1)) {
        if (cur === null || isUnknown(cur)) return cur;
        if (isUnknown(k)) return k;
        // A null key finds nothing (Bicep `map[?key]` with a key that is itself optional).
        if (k === null) return null;
        cur = tryStep(cur, key('tryGet', k, cur));
      }
      return cur;
    },
  },
};

/** A property name, an index, or Bicep's `{value, fromEnd}` index from the end (`[^1]`). */
function key(name: string, v: Value, target?: Value): string | number {
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (isObject(v) && typeof v.value === 'number' && v.fromEnd === true && Array.isArray(target)) return target.length - v.value;
  return fail(name, `expects a property name or an index, got ${describe(v)}`);
}

function tryStep(root: Value, k: string | number): Value {
  if (isUnknown(root)) {
    // reference() of a declared resource knows its declared members.
    const hit = root.known && typeof k === 'string' ? Object.entries(root.known).find(([name]) => name.toLowerCase() === k.toLowerCase()) : undefined;
    return hit ? hit[1] : root;
  }
  if (isObject(root) && typeof k === 'string') {
    const p = propertyKey(root, k);
    return p === undefined ? null : root[p];
  }
  if (Array.isArray(root) && typeof k === 'number') return k >= 0 && k < root.length ? root[k] : null;
  return null;
}

/** .NET StringComparer.OrdinalIgnoreCase: compares upper-cased UTF-16 code units. */
export function ordinalIgnoreCase(x: string, y: string): number {
  const a = x.toUpperCase();
  const b = y.toUpperCase();
  return a < b ? -1 : a > b ? 1 : 0;
}

/** ARM's JSON reader also takes single-quoted strings (`json('{\'a\': \'b\'}')`, template-functions-object#json). */
function doubleQuoted(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const end = skipString(text, i, '"');
      out += text.slice(i, end + 1);
      i = end;
    } else if (c === "'") {
      const end = skipString(text, i, "'");
      // Re-quote: \' becomes ', a bare " gets escaped, other escapes stay as JSON reads them.
      let inner = '';
      for (let j = i + 1; j < end; j++) {
        if (text[j] === '\\' && text[j + 1] === "'") {
          inner += "'";
          j++;
        } else if (text[j] === '\\') {
          inner += text[j] + (text[j + 1] ?? '');
          j++;
        } else inner += text[j] === '"' ? '\\"' : text[j];
      }
      out += `"${inner}"`;
      i = end;
    } else out += c;
  }
  return out;
}

function skipString(text: string, start: number, quote: string): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i;
  }
  throw new SyntaxError('unterminated string');
}

/**
 * JSON text in the forms Newtonsoft.Json reads and JSON does not, rewritten as JSON: numbers that
 * start or end with a dot, property names without quotes. Strings (double-quoted by now) are kept.
 */
function newtonsoftLenient(text: string): string {
  return text
    .split(/("(?:[^"\\]|\\.)*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/(^|[^\w.])\.(\d)/g, (_m, before: string, digit: string) => `${before}0.${digit}`)
            .replace(/(\d)\.(?!\d)/g, '$1')
            .replace(/([{,]\s*)([A-Za-z_$][\w$]*)(\s*:)/g, '$1"$2"$3'),
    )
    .join('');
}
