// Date functions: dateTimeAdd, dateTimeFromEpoch, dateTimeToEpoch, and utcNow (Unknown: it is the
// time of the deployment). Dates are UTC; output formats follow .NET's invariant culture.
import { Unknown, type Value } from '../../../core/unknown.js';
import { arity, fail, int, str } from './arg-checks.js';
import type { FunctionTable } from './function-def.js';

const DAY = 86_400_000;

export const dateFunctions: FunctionTable = {
  datetimeadd: {
    evaluate(a): Value {
      arity('dateTimeAdd', a, 2, 3);
      const base = parseDate('dateTimeAdd', str('dateTimeAdd', a[0]));
      const t = base + parseDuration(str('dateTimeAdd', a[1]));
      if (!Number.isFinite(t) || Math.abs(t) > 8.64e15) fail('dateTimeAdd', 'gives a date out of range');
      return a.length > 2 ? formatDate('dateTimeAdd', t, str('dateTimeAdd', a[2])) : iso(t);
    },
  },
  datetimefromepoch: {
    evaluate(a): Value {
      arity('dateTimeFromEpoch', a, 1);
      const s = int('dateTimeFromEpoch', a[0]);
      if (s < 0 || s > 253_402_300_799) fail('dateTimeFromEpoch', `epoch time ${s} is out of range`);
      return iso(s * 1000);
    },
  },
  datetimetoepoch: {
    evaluate(a): Value {
      arity('dateTimeToEpoch', a, 1);
      return Math.floor(parseDate('dateTimeToEpoch', str('dateTimeToEpoch', a[0])) / 1000);
    },
  },
  utcnow: {
    acceptsUnknown: true,
    evaluate: (a): Value => (arity('utcNow', a, 0, 1), new Unknown('utcNow() is the time of the deployment', 'utcNow')),
  },
};

/** `yyyy-MM-ddTHH:mm:ssZ`, with fractional seconds only when there are some. */
function iso(t: number): string {
  const s = new Date(t).toISOString();
  return s.endsWith('.000Z') ? s.slice(0, -5) + 'Z' : s.replace(/0+Z$/, 'Z');
}

/** ISO 8601 date-times, also with a space for `T` and in the basic form utcNow() returns (`20190305T175318Z`). */
function parseDate(name: string, text: string): number {
  const basic = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text.trim());
  if (basic) return Date.UTC(+basic[1], +basic[2] - 1, +basic[3], +basic[4], +basic[5], +basic[6]);
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(text.trim());
  if (!m) return fail(name, `expects an ISO 8601 date-time, got '${text}'`);
  const ms = m[7] ? Math.round(Number(m[7]) * 1000) : 0;
  let t = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), ms);
  if (m[8] && m[8].toUpperCase() !== 'Z') {
    const off = /^([+-])(\d{2}):?(\d{2})$/.exec(m[8])!;
    t -= (off[1] === '-' ? -1 : 1) * (+off[2] * 60 + +off[3]) * 60_000;
  }
  return t;
}

/** ISO 8601 durations as .NET's XmlConvert reads them: a year is 365 days and a month 30 (template-functions-date#datetimeadd). */
function parseDuration(text: string): number {
  const m = /^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text.trim());
  if (!m || text.trim().replace(/^-/, '') === 'P' || /T$/.test(text.trim())) return fail('dateTimeAdd', `expects an ISO 8601 duration such as 'P1D' or 'PT1H', got '${text}'`);
  const n = (i: number): number => Number(m[i] ?? 0);
  const ms = (n(2) * 365 + n(3) * 30 + n(4) * 7 + n(5)) * DAY + n(6) * 3_600_000 + n(7) * 60_000 + n(8) * 1000;
  return m[1] ? -ms : ms;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const STANDARD: Record<string, string> = {
  d: 'MM/dd/yyyy',
  D: 'dddd, dd MMMM yyyy',
  f: 'dddd, dd MMMM yyyy HH:mm',
  F: 'dddd, dd MMMM yyyy HH:mm:ss',
  g: 'MM/dd/yyyy HH:mm',
  G: 'MM/dd/yyyy HH:mm:ss',
  m: 'MMMM dd',
  M: 'MMMM dd',
  o: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff'Z'",
  O: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff'Z'",
  r: "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
  R: "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
  s: "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
  t: 'HH:mm',
  T: 'HH:mm:ss',
  u: "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
  y: 'yyyy MMMM',
  Y: 'yyyy MMMM',
};

/** .NET date formatting in the invariant culture: the standard one-letter formats and custom patterns. */
export function formatDate(name: string, t: number, format: string): string {
  const pattern = format.length === 1 ? STANDARD[format] : format;
  if (pattern === undefined) return fail(name, `does not know the date format '${format}'`);
  const d = new Date(t);
  const parts = {
    y: d.getUTCFullYear(),
    M: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    H: d.getUTCHours(),
    m: d.getUTCMinutes(),
    s: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
    w: d.getUTCDay(),
  };
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'" || c === '"') {
      const end = pattern.indexOf(c, i + 1);
      if (end < 0) fail(name, `has an unterminated quote in the date format '${format}'`);
      out += pattern.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (c === '\\') {
      out += pattern[i + 1] ?? '';
      i += 2;
      continue;
    }
    if (c === '%') {
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === c) n++;
    out += token(c, n, parts);
    i += n;
  }
  return out;
}

function token(c: string, n: number, p: { y: number; M: number; d: number; H: number; m: number; s: number; ms: number; w: number }): string {
  const pad = (v: number, w: number): string => String(v).padStart(w, '0');
  const h12 = p.H % 12 === 0 ? 12 : p.H % 12;
  switch (c) {
    case 'y':
      return n === 1 ? String(p.y % 100) : n === 2 ? pad(p.y % 100, 2) : pad(p.y, n);
    case 'M':
      return n === 1 ? String(p.M) : n === 2 ? pad(p.M, 2) : n === 3 ? MONTHS[p.M - 1].slice(0, 3) : MONTHS[p.M - 1];
    case 'd':
      return n === 1 ? String(p.d) : n === 2 ? pad(p.d, 2) : n === 3 ? DAYS[p.w].slice(0, 3) : DAYS[p.w];
    case 'H':
      return n === 1 ? String(p.H) : pad(p.H, 2);
    case 'h':
      return n === 1 ? String(h12) : pad(h12, 2);
    case 'm':
      return n === 1 ? String(p.m) : pad(p.m, 2);
    case 's':
      return n === 1 ? String(p.s) : pad(p.s, 2);
    case 'f':
    case 'F': {
      const digits = pad(p.ms, 3).padEnd(7, '0').slice(0, n);
      return c === 'F' ? digits.replace(/0+$/, '') : digits;
    }
    case 't':
      return (p.H < 12 ? 'AM' : 'PM').slice(0, n === 1 ? 1 : 2);
    case 'K':
    case 'Z':
      return 'Z';
    case 'z':
      return n === 1 ? '+0' : n === 2 ? '+00' : '+00:00';
    default:
      return c.repeat(n);
  }
}
