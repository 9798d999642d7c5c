// Reads a YAML file and validates it with a JSON Schema (ajv); every error names the file, line
// and column of the offending node, so `rules/x.yaml:7:5 expect.in must be an array` is precise.
// ajv and yaml load lazily: the bundled packs come from the validated-YAML cache (built with the
// package), so a plain scan never pays for parsing YAML or compiling schemas.
import { createRequire } from 'node:module';
import type { Ajv as AjvType, ErrorObject, ValidateFunction } from 'ajv';
import type { Document } from 'yaml';
import { diagnostic, type Diagnostic } from './diagnostic.js';
import { LineMap } from './line-map.js';
import type { SourceRange } from './source-range.js';
import { cachedYaml } from './yaml-cache.js';

const require = createRequire(import.meta.url);
let ajvInstance: AjvType | undefined;
const pendingSchemas: (object & { $id: string })[] = [];
const compiled = new Map<object, ValidateFunction>();

function ajv(): AjvType {
  if (!ajvInstance) {
    const { Ajv } = require('ajv') as typeof import('ajv');
    ajvInstance = new Ajv({ allErrors: true, strict: false });
    for (const s of pendingSchemas) if (!ajvInstance.getSchema(s.$id)) ajvInstance.addSchema(s);
  }
  return ajvInstance;
}

function yaml(): typeof import('yaml') {
  return require('yaml') as typeof import('yaml');
}

export function registerSchema(schema: object & { $id: string }): void {
  if (ajvInstance) {
    if (!ajvInstance.getSchema(schema.$id)) ajvInstance.addSchema(schema);
  } else if (!pendingSchemas.some((s) => s.$id === schema.$id)) pendingSchemas.push(schema);
}

export interface YamlLoad<T> {
  value?: T;
  diagnostics: Diagnostic[];
  /** Locates a path inside the file (for checks after the schema). */
  locate(path: (string | number)[]): SourceRange;
}

export function loadValidatedYaml<T>(file: string, text: string, schema: object & { $id?: string }, code: string): YamlLoad<T> {
  const hit = cachedYaml(text, schema.$id ?? code);
  if (hit !== undefined) {
    // Validated when the cache was built; positions are only computed if a later check asks.
    let full: YamlLoad<T> | undefined;
    return { value: hit as T, diagnostics: [], locate: (p) => (full ??= parseAndValidate<T>(file, text, schema, code)).locate(p) };
  }
  return parseAndValidate<T>(file, text, schema, code);
}

function parseAndValidate<T>(file: string, text: string, schema: object, code: string): YamlLoad<T> {
  const lines = new LineMap(text);
  const { parseDocument } = yaml();
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const locate = (path: (string | number)[]): SourceRange => locateIn(doc, lines, file, path);
  const diagnostics: Diagnostic[] = [];
  for (const e of doc.errors) {
    diagnostics.push(diagnostic(`${code}/yaml-syntax`, 'error', `invalid YAML: ${e.message.split('\n')[0]}`, lines.range(file, e.pos[0], Math.max(1, e.pos[1] - e.pos[0]))));
  }
  if (diagnostics.length) return { diagnostics, locate };
  const value = doc.toJS({ maxAliasCount: 100 }) as unknown;
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv().compile(schema);
    compiled.set(schema, validate);
  }
  if (!validate(value)) {
    for (const err of pickErrors(validate.errors ?? [])) {
      const path = err.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
      // An unknown member is shown at its own key, not at the map that holds it.
      const extra = err.keyword === 'additionalProperties' ? String((err.params as { additionalProperty: string }).additionalProperty) : undefined;
      diagnostics.push(diagnostic(`${code}/schema`, 'error', describe(err, path), locate(extra === undefined ? path : [...path, extra])));
    }
    return { diagnostics, locate };
  }
  return { value: value as T, diagnostics, locate };
}

/** `oneOf`/`anyOf` explode into many errors; keep the most specific ones. */
function pickErrors(errors: ErrorObject[]): ErrorObject[] {
  const specific = errors.filter((e) => !['oneOf', 'anyOf', 'if', 'then', 'else'].includes(e.keyword));
  const chosen = specific.length ? specific : errors;
  const seen = new Set<string>();
  return chosen.filter((e) => {
    const key = `${e.instancePath} ${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).slice(0, 10);
}

function describe(err: ErrorObject, path: string[]): string {
  const where = path.length ? path.join('.') : 'the document';
  const p = err.params as Record<string, unknown>;
  switch (err.keyword) {
    case 'required':
      return `${where} is missing the required property '${String(p.missingProperty)}'`;
    case 'additionalProperties':
      return `${where} has an unknown property '${String(p.additionalProperty)}'`;
    case 'enum':
      return `${where} must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'type': {
      // ajv lists a type union comma-joined ("object,null"); a YAML author writes mappings and lists.
      const types = String(p.type).split(',').filter((t) => t !== 'null');
      return `${where} must be ${types.map((t) => article(YAML_TYPE_NAMES[t] ?? t)).join(' or ')}`;
    }
    case 'not':
      return `${where} must not have this property here`;
    default:
      return `${where} ${err.message ?? 'is invalid'}`;
  }
}

/** JSON Schema type names as a YAML author knows them. */
const YAML_TYPE_NAMES: Record<string, string> = { object: 'mapping', array: 'list' };

function article(t: string): string {
  return /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}

function locateIn(doc: Document, lines: LineMap, file: string, path: (string | number)[]): SourceRange {
  // Walk down as far as the path exists; a missing member points at its parent.
  let node: unknown = doc.contents;
  for (let i = path.length; i >= 0; i--) {
    const n = doc.getIn(path.slice(0, i), true);
    if (yaml().isNode(n) && n.range) {
      node = n;
      if (i < path.length) {
        // For a bad key the pair's key is more useful than the parent map.
        break;
      }
      // Point at the key of the member when there is one.
      const parent = doc.getIn(path.slice(0, -1), true) as { items?: { key?: { range?: [number, number, number]; value?: unknown }; value?: unknown }[] } | undefined;
      const pair = parent?.items?.find((it) => it.value === n);
      if (pair?.key?.range) return lines.range(file, pair.key.range[0], pair.key.range[1] - pair.key.range[0]);
      break;
    }
  }
  const r = yaml().isNode(node) && (node as { range?: number[] }).range ? (node as { range: number[] }).range : [0, 0, 0];
  return lines.range(file, r[0], Math.max(1, r[1] - r[0]));
}
