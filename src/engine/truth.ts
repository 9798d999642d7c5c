// Kleene three-valued logic: a condition that depends on an Unknown is neither true nor false.

export type Truth = 'true' | 'false' | 'unknown';

export function truth(b: boolean): Truth {
  return b ? 'true' : 'false';
}

export function and(values: Iterable<Truth>): Truth {
  let unknown = false;
  for (const v of values) {
    if (v === 'false') return 'false';
    if (v === 'unknown') unknown = true;
  }
  return unknown ? 'unknown' : 'true';
}

export function or(values: Iterable<Truth>): Truth {
  let unknown = false;
  for (const v of values) {
    if (v === 'true') return 'true';
    if (v === 'unknown') unknown = true;
  }
  return unknown ? 'unknown' : 'false';
}

export function not(v: Truth): Truth {
  return v === 'unknown' ? 'unknown' : v === 'true' ? 'false' : 'true';
}
