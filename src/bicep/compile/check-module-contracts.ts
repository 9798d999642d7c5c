// A module must be called the way its template declares it: Bicep refuses a module that leaves
// out a required parameter (BCP035) and a read of an output the module does not declare (BCP053),
// and so does azready. The template is the module's compiled Bicep, ARM JSON or cached registry
// module; a module azready cannot read is not checked.
import type { ModuleDeclNode, ObjectNode } from '../syntax/nodes.js';
import { propertyKeyName } from '../syntax/nodes.js';
import type { CompileUnit } from './compile-scope.js';
import { ev, type Emitted } from './emit-json.js';

export interface ModuleSignature {
  /** Lower-cased names of the parameters without a default that may not be null. */
  required: Map<string, string>;
  /** The declared outputs, by lower-cased name. */
  outputs: Map<string, string>;
}

export interface OutputRead {
  module: ModuleDeclNode;
  output: string;
  at: { start: number; end: number };
}

/**
 * Checks the `params` of a module against its template and keeps the template's outputs for later
 * reads. Signatures are kept by template: a module compiled once per scan is called from many
 * files, and its signature is the same for all of them.
 */
export function checkModuleCall(unit: CompileUnit, decl: ModuleDeclNode, body: ObjectNode | undefined, template: Emitted): void {
  // Keyed by the compiled template, or a JSON module's value (an Emitted around it is made per call).
  const key = template.kind === 'value' ? template.value : template;
  const signature = key !== null && typeof key === 'object' ? unit.templateFact(key, () => signatureOf(template)) : signatureOf(template);
  (unit.moduleSignatures ??= new Map()).set(decl, signature);
  if (signature.required.size === 0 || !body) return;
  const params = body.items.find((i) => i.kind === 'object-property' && propertyKeyName(i.key) === 'params');
  const value = params?.kind === 'object-property' ? params.value : undefined;
  // Parameters passed as a whole value (a variable, a spread) cannot be checked one by one.
  if (value && (value.kind !== 'object' || value.items.some((i) => i.kind !== 'object-property'))) return;
  const given = new Set<string>();
  if (value?.kind === 'object') for (const i of value.items) if (i.kind === 'object-property') given.add(propertyKeyName(i.key)?.toLowerCase() ?? '');
  const missing: string[] = [];
  signature.required.forEach((name, k) => {
    if (!given.has(k)) missing.push(`'${name}'`);
  });
  if (missing.length === 0) return;
  unit.error(
    'bicep/module-params-missing',
    `the module '${decl.name.name}' needs the parameter${missing.length > 1 ? 's' : ''} ${missing.join(', ')}, which ${missing.length > 1 ? 'have' : 'has'} no default; pass ${missing.length > 1 ? 'them' : 'it'} in params`,
    params ?? decl.name,
  );
}

/** Notes `mod.outputs.<output>`, checked once every module of the file is known. */
export function noteModuleOutputRead(unit: CompileUnit, module: ModuleDeclNode, output: string, at: { start: number; end: number }): void {
  (unit.outputReads ??= []).push({ module, output, at });
}

export function checkModuleOutputReads(unit: CompileUnit): void {
  const reads = unit.outputReads;
  if (!reads) return;
  unit.outputReads = undefined;
  const known = unit.moduleSignatures;
  for (const read of reads) {
    const signature = known?.get(read.module);
    if (!signature || signature.outputs.has(read.output.toLowerCase())) continue;
    const declared = signature.outputs.size ? `; it declares ${[...signature.outputs.values()].map((o) => `'${o}'`).join(', ')}` : '; it declares no outputs';
    unit.error('bicep/module-output-undeclared', `the module '${read.module.name.name}' has no output '${read.output}'${declared}`, read.at);
  }
}

function signatureOf(template: Emitted): ModuleSignature {
  const required = new Map<string, string>();
  const parameters = member(template, 'parameters');
  forEachMember(parameters, (name, p) => {
    // A parameter of a user-defined type ($ref) may be nullable through its definition.
    if (member(p, 'defaultValue') || member(p, 'nullable')?.value === true || member(p, '$ref')) return;
    required.set(name.toLowerCase(), name);
  });
  const outputs = new Map<string, string>();
  forEachMember(member(template, 'outputs'), (k) => outputs.set(k.toLowerCase(), k));
  return { required, outputs };
}

/** A member of an emitted object, whether built by the compiler or read whole from JSON. */
function member(e: Emitted | undefined, key: string): Emitted | undefined {
  if (e?.kind === 'object') {
    const i = e.keys.indexOf(key);
    return i < 0 ? undefined : e.items[i];
  }
  if (e?.kind === 'value' && e.value && typeof e.value === 'object' && !Array.isArray(e.value)) {
    const v = (e.value as Record<string, unknown>)[key];
    return v === undefined ? undefined : ev(v);
  }
  return undefined;
}

function forEachMember(e: Emitted | undefined, f: (key: string, value: Emitted) => void): void {
  if (e?.kind === 'object') for (let i = 0; i < e.keys.length; i++) f(e.keys[i], e.items[i]);
  else if (e?.kind === 'value' && e.value && typeof e.value === 'object' && !Array.isArray(e.value)) for (const [k, v] of Object.entries(e.value as Record<string, unknown>)) f(k, ev(v));
}
