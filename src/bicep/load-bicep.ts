// The Bicep front end: compile a .bicep file to an ARM template (with its map back to Bicep
// ranges), then expand it with the ARM expander, so findings point at Bicep lines.
import type { DeploymentContext } from '../arm/deployment-context.js';
import { expandTemplate } from '../arm/expand-template.js';
import { JsonDocument, type JsonNode } from '../arm/json-document.js';
import type { ParameterValues } from '../arm/parameters-file.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { Value } from '../core/unknown.js';
import type { Resource } from '../model/resource.js';
import { BicepCompiler, type CompilerOptions } from './compile/bicep-compiler.js';
import { emitJson, emitTree } from './compile/emit-json.js';

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
 * A .bicepparam file's values, and the template its `using` names. Values that depend on what is
 * only known at deployment (`az.getSecret`) are Unknowns.
 */
export function loadBicepParams(file: string, options: CompilerOptions = {}, text?: string): { values: ParameterValues; using?: string; diagnostics: Diagnostic[] } {
  const compiler = new BicepCompiler(options);
  const result = compiler.compileParamsFile(file, text);
  const { root, spans } = emitTree(result.template);
  const out = expandTemplate(JsonDocument.fromCompiledTree(file, root as JsonNode, spans), { origin: 'bicep' });
  const values: ParameterValues = new Map();
  for (const [name, value] of Object.entries(out.outputs)) {
    const secret = result.tree.statements.some((s) => s.kind === 'param-assignment' && s.name.name === name && s.value.kind === 'call' && s.value.name.name === 'getSecret');
    values.set(name.toLowerCase(), { value, secret });
  }
  return { values, ...(result.using ? { using: result.using } : {}), diagnostics: [...result.diagnostics, ...out.diagnostics] };
}
