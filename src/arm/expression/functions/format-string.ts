// .NET composite formatting as `format()` does it: `{index[,alignment][:formatString]}`, `{{`/`}}`
// escapes, and the numeric formats templates use in practice (D, N, F, X, P, E, G and 0/# pictures).
import type { Value } from '../../../core/unknown.js';
import { fail } from './arg-checks.js';
import { toArmString } from './arm-values.js';

export function formatComposite(fmt: string, args: Value[]): string {
  let out = '';
  let i = 0;
  while (i < fmt.length) {
    const c = fmt[i];
    if (c === '{' && fmt[i + 1] === '{') {
      out += '{';
      i += 2;
    } else if (c === '}' && fmt[i + 1] === '}') {
      out += '}';
      i += 2;
    } else if (c === '{') {
      const close = fmt.indexOf('}', i);
      const inner = close < 0 ? '' : fmt.slice(i + 1, close);
      // `{0}` is nearly every placeholder: read it without the regular expression.
      if (close >= 0 && isDigits(inner)) {
        const index = Number(inner);
        if (index >= args.length) fail('format', `has no argument for {${index}}`);
        out += formatValue(args[index], undefined);
        i = close + 1;
        continue;
      }
      const m = close < 0 ? null : /^(\d+)\s*(?:,\s*(-?\d+))?\s*(?::(.*))?$/s.exec(inner);
      if (!m) fail('format', `has an invalid placeholder at position ${i} of '${fmt}'`);
      const index = Number(m[1]);
      if (index >= args.length) fail('format', `has no argument for {${index}}`);
      let text = formatValue(args[index], m[3]);
      if (m[2] !== undefined) {
        const width = Number(m[2]);
        text = width < 0 ? text.padEnd(-width) : text.padStart(width);
      }
      out += text;
      i = close + 1;
    } else if (c === '}') {
      fail('format', `has an unmatched '}' at position ${i} of '${fmt}'`);
    } else {
      // Copy the literal run up to the next brace in one piece.
      let j = i + 1;
      while (j < fmt.length && fmt[j] !== '{' && fmt[j] !== '}') j++;
      out += fmt.slice(i, j);
      i = j;
    }
  }
  return out;
}

function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function formatValue(v: Value, spec: string | undefined): string {
  // .NET prints booleans as True/False.
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number' && spec) return formatNumber(v, spec);
  return toArmString(v);
}

function formatNumber(v: number, spec: string): string {
  const m = /^([DdNnFfXxPpEeGgCc])(\d*)$/.exec(spec);
  if (!m) return picture(v, spec);
  const p = m[2] === '' ? undefined : Number(m[2]);
  switch (m[1].toUpperCase()) {
    case 'D':
      if (!Number.isInteger(v)) fail('format', `uses '${spec}' with a number that is not an integer`);
      return (v < 0 ? '-' : '') + String(Math.abs(v)).padStart(p ?? 0, '0');
    case 'X': {
      if (!Number.isInteger(v)) fail('format', `uses '${spec}' with a number that is not an integer`);
      const hex = (v < 0 ? BigInt.asUintN(64, BigInt(v)) : BigInt(v)).toString(16).padStart(p ?? 0, '0');
      return m[1] === 'X' ? hex.toUpperCase() : hex;
    }
    case 'N':
      return v.toLocaleString('en-US', { minimumFractionDigits: p ?? 2, maximumFractionDigits: p ?? 2 });
    case 'C':
      return (v < 0 ? '-' : '') + '¤' + Math.abs(v).toLocaleString('en-US', { minimumFractionDigits: p ?? 2, maximumFractionDigits: p ?? 2 });
    case 'F':
      return v.toFixed(p ?? 2);
    case 'P':
      return `${(v * 100).toLocaleString('en-US', { minimumFractionDigits: p ?? 2, maximumFractionDigits: p ?? 2 })} %`;
    case 'E': {
      const [mant, exp] = v.toExponential(p ?? 6).split('e');
      const sign = exp.startsWith('-') ? '-' : '+';
      const e = `${m[1]}${sign}${exp.replace(/^[-+]/, '').padStart(3, '0')}`;
      return mant + e;
    }
    default:
      return p === undefined ? String(v) : String(Number(v.toPrecision(p)));
  }
}

/** Custom numeric pictures made of `0`, `#`, `.` and `,` (e.g. `00`, `#,##0.00`). */
function picture(v: number, spec: string): string {
  if (!/^[0#,]*(\.[0#]*)?$/.test(spec)) fail('format', `uses the number format '${spec}', which this version does not support`);
  const [intPart, frac = ''] = spec.split('.');
  const minInt = (intPart.match(/0/g) ?? []).length;
  const minFrac = (frac.match(/0/g) ?? []).length;
  const maxFrac = frac.length;
  const grouped = intPart.includes(',');
  const abs = Math.abs(v);
  let text = abs.toLocaleString('en-US', { minimumFractionDigits: minFrac, maximumFractionDigits: maxFrac, useGrouping: false });
  const [whole, f] = text.split('.');
  let i = whole === '0' && minInt === 0 ? '' : whole;
  i = i.padStart(minInt, '0');
  if (grouped) i = i.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  text = f ? `${i}.${f}` : i;
  return (v < 0 ? '-' : '') + text;
}
