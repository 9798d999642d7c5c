// The Bicep front end: compile a .bicep file to an ARM template (with its map back to Bicep
// ranges), then expand it with the ARM expander, so findings point at Bicep lines.
import path from 'node:path';
import type { DeploymentContext } from '../arm/deployment-context.js';
import { expandTemplate } from '../arm/expand-template.js';
import { JsonDocument, type JsonNode } from '../arm/json-document.js';
import type { ParameterValues } from '../arm/parameters-file.js';
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import { isFile } from '../core/file-system.js';
import type { Value } from '../core/unknown.js';
import type { Resource } from '../model/resource.js';
import { BicepCompiler, type CompilerOptions } from './compile/bicep-compiler.js';
import { CompileCache } from './compile/compile-cache.js';
import { emitJson, emitTree } from './compile/emit-json.js';
import { isRegistryReference, registryCacheFile } from './compile/registry-cache.js';
import { stringValue } from './syntax/nodes.js';

export interface BicepLoadOptions extends CompilerOptions {
  parameters?: ParameterValues;
  deployment?: Partial<DeploymentContext>;
}

export interface CompiledBicep {
  /** The compiled ARM template as JSON text. */
  json: string;
  doc: JsonDocument;
  diagnostics: Diagnostic[];
}

export function compileBicepFile(file: string, options: CompilerOptions = {}, text?: string): CompiledBicep {
  const compiler = new BicepCompiler(options);
  const result = compiler.compileFile(file, text);
  const { text: json, spans } = emitJson(result.template);
  return { json, doc: JsonDocument.fromCompiled(file, json, spans), diagnostics: result.diagnostics };
}

export function loadBicepFile(file: string, options: BicepLoadOptions = {}, text?: string): { resources: Resource[]; outputs: Record<string, Value>; diagnostics: Diagnostic[] } {
  const result = new BicepCompiler(options).compileFile(file, text);
  const { root, spans } = emitTree(result.template);
  const doc = JsonDocument.fromCompiledTree(file, root as JsonNode, spans);
  const out = expandTemplate(doc, { parameters: options.parameters, deployment: options.deployment, origin: 'bicep' });
  return { resources: out.resources, outputs: out.outputs, diagnostics: [...result.diagnostics, ...out.diagnostics] };
}

/**
 * A .bicepparam file's values, and the template its `using` names (`usingNone` for `using none`,
 * a base that other files extend). Values that depend on what is only known at deployment
 * (`az.getSecret`) are Unknowns. `extends 'base.bicepparam'` takes the base file's values first;
 * the file's own assignments win.
 */
export function loadBicepParams(file: string, options: CompilerOptions = {}, text?: string, extending: readonly string[] = []): { values: ParameterValues; using?: string; usingNone?: boolean; unavailable?: boolean; diagnostics: Diagnostic[] } {
  const compiler = new BicepCompiler(options);
  const result = compiler.compileParamsFile(file, text);
  const { root, spans } = emitTree(result.template);
  const out = expandTemplate(JsonDocument.fromCompiledTree(file, root as JsonNode, spans), { origin: 'bicep' });
  const values: ParameterValues = new Map();
  const diagnostics: Diagnostic[] = [...result.diagnostics];
  for (const s of result.tree.statements) {
    if (s.kind !== 'extends-decl' || s.path.kind === 'error') continue;
    const at = result.tree.lineMap.range(file, s.start, s.end - s.start);
    const target = stringValue(s.path);
    if (target === undefined) {
      diagnostics.push(diagnostic('bicep/extends-not-literal', 'error', 'the path after extends must be a plain string, without interpolation', at));
      continue;
    }
    const base = path.resolve(path.dirname(file), target);
    if (extending.includes(base) || base === path.resolve(file)) {
      diagnostics.push(diagnostic('bicep/extends-cycle', 'error', `${file} extends ${base}, which extends it back; remove one of the extends`, at));
      continue;
    }
    if (!/\.bicepparam$/i.test(base)) {
      diagnostics.push(diagnostic('bicep/extends-not-bicepparam', 'error', `extends must name a .bicepparam file, not ${path.basename(base)}`, at));
      continue;
    }
    if (!isFile(base)) {
      diagnostics.push(diagnostic('bicep/extends-not-found', 'error', `the parameters file this extends does not exist: ${base}; fix the path (it is relative to ${path.basename(file)})`, at));
      continue;
    }
    const inherited = loadBicepParams(base, options, undefined, [...extending, path.resolve(file)]);
    diagnostics.push(...inherited.diagnostics);
    for (const [k, v] of inherited.values) values.set(k, v);
  }
  for (const [name, value] of Object.entries(out.outputs)) {
    const assignment = result.tree.statements.find((s) => s.kind === 'param-assignment' && s.name.name === name);
    const secret = assignment?.kind === 'param-assignment' && assignment.value.kind === 'call' && assignment.value.name.name === 'getSecret';
    const location = assignment ? result.tree.lineMap.range(file, assignment.start, assignment.end - assignment.start) : undefined;
    values.set(name.toLowerCase(), { value, secret, name, ...(location ? { location } : {}) });
  }
  const usingNone = result.tree.statements.some((s) => s.kind === 'using-decl' && !s.path);
  // `using 'br/public:…'` or `using 'ts:…'`: the template restored into the local module cache.
  let using = result.using;
  const decl = result.tree.statements.find((s) => s.kind === 'using-decl');
  const ref = decl?.kind === 'using-decl' && decl.path && decl.path.kind !== 'error' ? stringValue(decl.path) : undefined;
  if (decl && ref !== undefined && isRegistryReference(ref)) {
    const found = registryCacheFile(ref, path.dirname(file), options.cache ?? new CompileCache(), options.moduleCache);
    if ('file' in found) using = found.file;
    else {
      diagnostics.push(diagnostic('bicep/using-unavailable', 'warning', `${found.reason}; the template this file is for cannot be evaluated`, result.tree.lineMap.range(file, decl.start, decl.end - decl.start)));
      return { values, unavailable: true, diagnostics: [...diagnostics, ...out.diagnostics] };
    }
  }
  if (decl && using && !isFile(using)) {
    // Said here, at the using line: the template's own read error would not name this file.
    diagnostics.push(diagnostic('bicep/using-not-found', 'error', `the template this parameters file is for does not exist: ${using}; fix the path after using (it is relative to ${path.basename(file)})`, result.tree.lineMap.range(file, decl.start, decl.end - decl.start)));
    return { values, unavailable: true, diagnostics: [...diagnostics, ...out.diagnostics] };
  }
  return { values, ...(using ? { using } : {}), ...(usingNone ? { usingNone } : {}), diagnostics: [...diagnostics, ...out.diagnostics] };
}
