// Bicep conformance against the official compiler's output: our compile of X.bicep, expanded,
// must give the same resources as the official X.json expanded with the same parameters.
// Registry modules (br:) are not in this corpus; like `bicep restore` would, they are served
// from a module cache built out of the oracle's own inlined templates.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JsonDocument, expandTemplate } from '../dist/index.js';
import { compileBicepFile, loadBicepFile } from '../dist/bicep/load-bicep.js';
import { parseBicep } from '../dist/bicep/parse-bicep.js';
import { CompileCache } from '../dist/bicep/compile/compile-cache.js';
import { isRegistryReference, registryCachePath } from '../dist/bicep/compile/registry-cache.js';

const FIELDS = ['type', 'name', 'apiVersion', 'location', 'sku', 'kind', 'identity', 'tags', 'properties', 'zones'];

/** Comparable JSON: Unknowns compare equal to each other whatever their reason. */
function canonical(v) {
  if (v && typeof v === 'object' && v.kind === 'unknown') return '<unknown>';
  // Resource ids and types are case-insensitive in ARM; the official compiler fixes their casing.
  if (typeof v === 'string' && /^\/(subscriptions|providers)\//i.test(v)) return v.toLowerCase();
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    const key = (k) => (/^\/(subscriptions|providers)\//i.test(k) ? k.toLowerCase() : k);
    return Object.fromEntries(Object.keys(v).map((k) => [key(k), canonical(v[k])]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  return v;
}

/** Names that are unknown cannot be compared as text (each compiler writes its own expression). */
const UNKNOWN_NAME = /\{unknown (name|resource group|subscription):[^}]*\}/g;

/**
 * Resources by id. A template may deploy one id twice (in the main template and in a module):
 * those are numbered in the order of their content, not of their position, since the two
 * compilers may list nested deployments in different orders.
 */
function describeResources(resources) {
  const groups = new Map();
  for (const r of resources) {
    const key = r.id.toLowerCase().replace(UNKNOWN_NAME, '{unknown}');
    const fields = Object.fromEntries(FIELDS.map((f) => [f, canonical(f === 'name' ? r.name.replace(UNKNOWN_NAME, '{unknown}') : f === 'type' ? r.type.toLowerCase() : r[f])]));
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(JSON.stringify(fields));
  }
  const map = new Map();
  for (const [key, list] of groups) list.sort().forEach((v, i) => map.set(i ? `${key}#${i + 1}` : key, v));
  return map;
}

/**
 * Writes the oracle's inlined registry modules and template specs where the compiler looks for
 * restored ones, as `bicep restore` would (aliases from the file's bicepconfig.json), also those
 * that local modules call (found in the local module's inlined template, recursively).
 */
function oracleModuleCache(bicepFile, oracle, cache, depth = 0) {
  if (depth > 10 || !existsSync(bicepFile)) return;
  const tree = parseBicep(bicepFile, readFileSync(bicepFile, 'utf8'));
  // Modules are found by symbolic name: in the oracle, or in its symbolic-names twin when the
  // oracle lists resources as an array.
  const twin = bicepFile.replace(/\.bicep$/i, '.symbolicnames.json');
  const named = oracle.resources && !Array.isArray(oracle.resources) ? oracle : depth === 0 && existsSync(twin) ? JSON.parse(readFileSync(twin, 'utf8')) : {};
  const resources = named.resources && !Array.isArray(named.resources) ? named.resources : Array.isArray(oracle.resources) ? deploymentsBySymbol(bicepFile, tree, oracle.resources) : {};
  for (const s of tree.statements) {
    if (s.kind !== 'module-decl' || s.path.kind === 'error') continue;
    const ref = s.path.parts.join('');
    const template = resources[s.name.name]?.properties?.template;
    if (!template) continue;
    if (!isRegistryReference(ref)) {
      if (/\.bicep$/i.test(ref)) oracleModuleCache(path.resolve(path.dirname(bicepFile), ref), template, cache, depth + 1);
      continue;
    }
    const target = registryCachePath(ref, path.dirname(bicepFile), new CompileCache(), cache);
    if (!('file' in target)) continue;
    mkdirSync(path.dirname(target.file), { recursive: true });
    writeFileSync(target.file, JSON.stringify(template));
  }
}

/**
 * For an oracle that lists resources as an array (classic form, no symbolic names): its module
 * deployments by the symbol of the module declaration they come from, matched by deployment name
 * as azready compiles it, else by order when both list as many.
 */
function deploymentsBySymbol(bicepFile, tree, list) {
  const out = {};
  const modules = tree.statements.filter((s) => s.kind === 'module-decl');
  const deployments = list.filter((r) => typeof r?.type === 'string' && r.type.toLowerCase() === 'microsoft.resources/deployments');
  let ours = {};
  try {
    const compiled = JSON.parse(compileBicepFile(bicepFile).json);
    ours = compiled.resources && !Array.isArray(compiled.resources) ? compiled.resources : {};
  } catch {
    // Matched by order only.
  }
  modules.forEach((m, i) => {
    const name = ours[m.name.name]?.name;
    const hit = typeof name === 'string' ? deployments.find((d) => d.name === name) : undefined;
    const byOrder = deployments.length === modules.length ? deployments[i] : undefined;
    if (hit ?? byOrder) out[m.name.name] = hit ?? byOrder;
  });
  return out;
}

export function runBicepOracle(corpus, manifest) {
  const valid = manifest.filter((e) => e.format === 'bicep' && !e.expectErrors && (e.kind === 'baseline' || e.kind === 'avm'));
  const invalid = manifest.filter((e) => e.expectErrors && e.format === 'bicep');
  const cache = mkdtempSync(path.join(os.tmpdir(), 'azready-bicep-cache-'));
  let parsedClean = 0;
  let syntaxClean = 0;
  let pairs = 0;
  let agree = 0;
  let outputsAgree = 0;
  const outputMismatches = [];
  let exceptions = 0;
  const mismatches = [];
  const parseFailures = [];
  for (const e of valid) {
    const file = path.join(corpus, e.bicep);
    try {
      const oracle = e.json ? JSON.parse(readFileSync(path.join(corpus, e.json), 'utf8')) : undefined;
      if (oracle) oracleModuleCache(file, oracle, cache);
      const text = readFileSync(file, 'utf8');
      if (!parseBicep(file, text).diagnostics.some((d) => d.severity === 'error')) syntaxClean++;
      const ours = loadBicepFile(file, { moduleCache: cache }, text);
      const errors = ours.diagnostics.filter((d) => d.severity === 'error' && d.code.startsWith('bicep/'));
      if (errors.length === 0) parsedClean++;
      else parseFailures.push(`${e.bicep}: ${errors.slice(0, 2).map((d) => `${d.location ? `${d.location.startLine}:${d.location.startColumn} ` : ''}${d.code} ${d.message}`).join(' | ')}`);
      if (!e.json) continue;
      pairs++;
      const theirs = expandTemplate(JsonDocument.parse(e.json, JSON.stringify(oracle)).doc);
      const a = describeResources(ours.resources);
      const b = describeResources(theirs.resources);
      // Outputs too: a module's outputs feed its caller's resources.
      if (JSON.stringify(canonical(ours.outputs)) === JSON.stringify(canonical(theirs.outputs))) outputsAgree++;
      else outputMismatches.push({ file: e.bicep, ours: JSON.stringify(canonical(ours.outputs)), theirs: JSON.stringify(canonical(theirs.outputs)) });
      const missing = [...b.keys()].filter((k) => !a.has(k));
      const extra = [...a.keys()].filter((k) => !b.has(k));
      const differ = [...b.keys()].filter((k) => a.has(k) && a.get(k) !== b.get(k));
      if (!missing.length && !extra.length && !differ.length) agree++;
      else mismatches.push({ file: e.bicep, missing, extra, differ, sample: differ[0] ? { ours: a.get(differ[0]), theirs: b.get(differ[0]) } : undefined });
    } catch (err) {
      exceptions++;
      mismatches.push({ file: e.bicep, exception: err instanceof Error ? err.stack?.split('\n').slice(0, 4).join(' ') : String(err) });
    }
  }
  let rejected = 0;
  const accepted = [];
  for (const e of invalid) {
    try {
      const out = loadBicepFile(path.join(corpus, e.bicep), { moduleCache: cache });
      if (out.diagnostics.some((d) => d.severity === 'error')) rejected++;
      else accepted.push(e.bicep);
    } catch (err) {
      exceptions++;
      mismatches.push({ file: e.bicep, exception: err instanceof Error ? err.stack?.split('\n').slice(0, 4).join(' ') : String(err) });
    }
  }
  // AVM's end-to-end test deployments (no oracle JSON): real-world Bicep that must compile and
  // expand without an error.
  const avmTests = manifest.filter((e) => e.kind === 'avm-test');
  let avmTestsClean = 0;
  for (const e of avmTests) {
    try {
      const out = loadBicepFile(path.join(corpus, e.bicep), { moduleCache: cache });
      if (!out.diagnostics.some((d) => d.severity === 'error')) avmTestsClean++;
      else parseFailures.push(`${e.bicep}: ${out.diagnostics.filter((d) => d.severity === 'error').slice(0, 1).map((d) => `${d.code} ${d.message}`).join('')}`);
    } catch (err) {
      exceptions++;
      mismatches.push({ file: e.bicep, exception: err instanceof Error ? err.stack?.split('\n').slice(0, 4).join(' ') : String(err) });
    }
  }
  return { avmTests: avmTests.length, avmTestsClean, valid: valid.length, syntaxClean, parsedClean, pairs, agree, outputsAgree, outputMismatches, invalid: invalid.length, rejected, exceptions, mismatches, parseFailures, accepted };
}
