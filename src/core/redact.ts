// Secrets never reach a report or a log: values under secret-looking keys, and values that came
// from @secure()/secureString parameters, are replaced before anything is printed.

export const REDACTED = '***redacted***';

const SECRET_KEY = /(password|secret|connectionstring|accountkey|sharedaccesskey|primarykey|secondarykey|token|sasuri|sastoken|privatekey|clientsecret|credential)$/i;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** True when the last segment of a property path names a secret. */
const secretPathCache = new Map<string, boolean>();

export function isSecretPath(path: string): boolean {
  let hit = secretPathCache.get(path);
  if (hit === undefined) {
    const last = path.split(/[.[\]']+/).filter(Boolean).pop() ?? '';
    hit = isSecretKey(last);
    if (secretPathCache.size > 100_000) secretPathCache.clear();
    secretPathCache.set(path, hit);
  }
  return hit;
}

/** A deep copy of `value` with every secret-keyed member replaced. */
export function redactValue(value: unknown, path = ''): unknown {
  if (path && isSecretPath(path) && value !== null && value !== undefined && typeof value !== 'boolean') {
    if (typeof value === 'object' && !Array.isArray(value) && ('reference' in (value as object) || '$unknown' in (value as object))) {
      return value;
    }
    return REDACTED;
  }
  if (Array.isArray(value)) return value.map((v, i) => redactValue(v, `${path}[${i}]`));
  if (value && typeof value === 'object' && !('toJSON' in value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactValue(v, path ? `${path}.${k}` : k);
    return out;
  }
  return value;
}
