// Compile-time functions: loadTextContent, loadJsonContent, loadYamlContent, loadFileAsBase64,
// loadDirectoryFileInfo and nameof are folded into literals, reading files relative to the
// Bicep file, as the Bicep compiler does.
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { JSONPath } from 'jsonpath-plus';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { createRequire } from 'node:module';
import type { CallNode } from '../syntax/nodes.js';
import { stringValue } from '../syntax/nodes.js';
import { NULL, call, quote } from './arm-text.js';
import { constantString } from './check-deploy-time.js';

import type { Scope } from './compile-scope.js';

const require = createRequire(import.meta.url);
/** The YAML reader, loaded on the first loadYamlContent (a require() per call costs a module lookup). */
let yaml: typeof import('yaml') | undefined;

/** ARM text for a JSON value (json() of its text keeps objects and arrays intact). */
function jsonArm(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true()' : 'false()';
  if (value === null || value === undefined) return NULL;
  return call('json', quote(JSON.stringify(value)));
}

/**
 * A file loadJsonContent reads: JSON, where Bicep also accepts comments and trailing commas (the
 * Bicep docs' own shared-variable samples have `// other rules here`).
 */
function parseJsonContent(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Not strict JSON: read it as JSON with comments, or say where it is wrong.
  }
  const errors: ParseError[] = [];
  const value: unknown = parseJsonc(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length) {
    const { offset, error } = errors[0];
    const before = text.slice(0, offset).split('\n');
    throw new Error(`invalid JSON at line ${before.length}, column ${before[before.length - 1].length + 1}: ${printParseErrorCode(error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`);
  }
  return value;
}

export function foldLoadFunction(e: CallNode, scope: Scope): string | undefined {
  const name = e.name.name;
  if (name === 'nameof') {
    const a = e.arguments[0];
    // `nameof(x['server-name'])` names the member a literal index reads.
    const last = a?.kind === 'identifier' ? a.name : a?.kind === 'property-access' ? a.property.name : a?.kind === 'index-access' ? stringValue(a.index) : undefined;
    return last ? quote(last) : undefined;
  }
  if (name === 'readEnvironmentVariable') {
    // .bicepparam: folded when the parameters are compiled, as `bicep build-params` does.
    const variable = stringValue(e.arguments[0]);
    if (variable === undefined) return undefined;
    const value = process.env[variable];
    if (value !== undefined) return quote(value);
    if (e.arguments[1]) return scope.unit.compileArm(e.arguments[1], scope);
    scope.unit.error('bicep/environment-variable-missing', `the environment variable '${variable}' is not set and readEnvironmentVariable() has no default`, e);
    return NULL;
  }
  // Bicep accepts any compile-time constant path, such as a variable holding a literal.
  const path = e.arguments[0] && (stringValue(e.arguments[0]) ?? constantString(e.arguments[0], scope));
  if (path === undefined) return undefined;
  if (name === 'loadDirectoryFileInfo') return directoryFileInfo(e, path, scope);
  const read = scope.unit.readRelative(path);
  if (typeof read === 'string') {
    scope.unit.error('bicep/load-file-failed', `${name}('${path}'): ${read}`, e);
    return NULL;
  }
  try {
    switch (name) {
      case 'loadTextContent':
        return quote(read.text);
      case 'loadFileAsBase64':
        // The file's bytes, not its text: binary files (archives, certificates) are common here.
        return quote(readFileSync(read.file).toString('base64'));
      case 'loadJsonContent':
      case 'loadYamlContent': {
        let value: unknown = name === 'loadJsonContent' ? parseJsonContent(read.text) : (yaml ??= require('yaml') as typeof import('yaml')).parse(read.text);
        const filter = stringValue(e.arguments[1]);
        if (filter) value = JSONPath({ path: filter, json: value as object, wrap: false, eval: false });
        return jsonArm(value);
      }
      default:
        return undefined;
    }
  } catch (err) {
    scope.unit.error('bicep/load-file-failed', `${name}('${path}'): ${(err as Error).message.split('\n')[0]}`, e);
    return NULL;
  }
}

/**
 * `loadDirectoryFileInfo('./modules/', '*.bicep')`: the files of a folder (not its subfolders)
 * relative to the Bicep file, as `{ relativePath, baseName, extension }` objects, in name order.
 */
function directoryFileInfo(e: CallNode, dirPath: string, scope: Scope): string {
  const from = dirname(scope.unit.tree.file);
  const dir = resolve(from, dirPath);
  const pattern = e.arguments[1] ? stringValue(e.arguments[1]) : undefined;
  const matcher = pattern === undefined ? undefined : new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name);
  } catch (err) {
    scope.unit.error('bicep/load-file-failed', `loadDirectoryFileInfo('${dirPath}'): cannot read the folder ${dir} (${(err as NodeJS.ErrnoException).code ?? 'error'})`, e);
    return NULL;
  }
  const files = names
    .filter((n) => !matcher || matcher.test(n))
    .sort()
    .map((n) => ({ relativePath: relative(from, join(dir, n)).split(sep).join('/'), baseName: n, extension: extname(n) }));
  return jsonArm(files);
}
