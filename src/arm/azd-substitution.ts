// The Azure Developer CLI (azd) fills `${NAME}` and `${NAME=default}` in a template's
// main.parameters.json from its environment before deploying. azready does the same from the
// process environment; a placeholder with neither a value nor a default is an Unknown that says
// which variable to set.
import { Unknown, type Value } from '../core/unknown.js';

const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:=([^}]*))?\}/g;

/**
 * `value` with its placeholders filled (`substituted` says whether it held any), or an Unknown
 * when one has no value.
 */
export function substituteAzd(value: string, env: NodeJS.ProcessEnv = process.env): { value: Value; substituted: boolean } {
  if (!value.includes('${')) return { value, substituted: false };
  let missing: string | undefined;
  let substituted = false;
  const filled = value.replace(PLACEHOLDER, (_all, name: string, fallback: string | undefined) => {
    substituted = true;
    const given = env[name];
    if (given !== undefined) return given;
    if (fallback !== undefined) return fallback;
    missing ??= name;
    return '';
  });
  if (missing !== undefined) {
    return { value: new Unknown(`\${${missing}} is filled in by azd from its environment; set ${missing} (azd env get-values) to check with a value`, undefined, undefined, 'string'), substituted: true };
  }
  return { value: filled, substituted };
}

/**
 * A value azd substituted is text; azd gives it the parameter's declared type, and so does this.
 */
export function coerceSubstituted(value: Value, declaredType: string | undefined): Value {
  if (typeof value !== 'string') return value;
  switch (declaredType?.toLowerCase()) {
    case 'bool':
      return value === 'true' ? true : value === 'false' ? false : value;
    case 'int': {
      const n = Number(value);
      return value.trim() !== '' && Number.isInteger(n) ? n : value;
    }
    case 'array':
    case 'object':
      try {
        return JSON.parse(value) as Value;
      } catch {
        return value;
      }
    default:
      return value;
  }
}
