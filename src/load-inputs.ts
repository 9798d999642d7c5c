// The front-end dispatcher: reads every input, decides what it is, runs the matching front end
// and gathers one ResourceSet with all diagnostics. Nothing here throws on bad input.
import { closeSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import { expandTemplate } from './arm/expand-template.js';
import type { DeploymentContext } from './arm/deployment-context.js';
import { JsonDocument, member, type JsonNode } from './arm/json-document.js';
import { readParametersFile, type ParameterValues } from './arm/parameters-file.js';
import { diagnostic, hasErrors, type Diagnostic } from './core/diagnostic.js';
import { classifyDocument } from './discover/classify-file.js';
import { walkPaths } from './discover/walk-paths.js';
import type { Resource } from './model/resource.js';
import { ResourceSet, type InputInfo } from './model/resource-set.js';
import { exportPage, readSnapshot } from './resource-graph/read-snapshot.js';
import { isCsvSnapshot, readCsvSnapshot } from './resource-graph/read-csv-snapshot.js';
import { parseCsv } from './resource-graph/csv-table.js';
import { loadBicepFile, loadBicepParams } from './bicep/load-bicep.js';
import { parseBicep } from './bicep/parse-bicep.js';
import { CompileCache } from './bicep/compile/compile-cache.js';
import { isFile } from './core/file-system.js';

export interface LoadOptions {
  /** Parameter files applied to every template scanned (they win over `<name>.parameters.json`). */
  params?: string[];
  deployment?: Partial<DeploymentContext>;
  /** Keeps or drops files found by walking folders (azready.yaml `include`/`exclude`); named files are always read. */
  select?: (file: string) => boolean;
  /** A parameters file for one template (azready.yaml `parameters`); `params` win over it. */
  templateParams?: (template: string) => string | undefined;
}

interface Parsed {
  file: string;
  doc: JsonDocument;
  kind: ReturnType<typeof classifyDocument>;
  explicit: boolean;
}

export function loadInputs(paths: string[], options: LoadOptions = {}): ResourceSet {
  const walked = walkPaths(paths);
  const diagnostics: Diagnostic[] = [...walked.diagnostics];
  const inputs: InputInfo[] = [];
  const resources: Resource[] = [];
  const parsed: Parsed[] = [];
  const bicepFiles: { file: string; explicit: boolean }[] = [];
  const bicepParams: { file: string; explicit: boolean }[] = [];
  const csvFiles: { file: string; explicit: boolean }[] = [];
  // One scan reads each Bicep file once and compiles each module once, however many files call it.
  const cache = new CompileCache();
  // Every template file is a deployment of its own (one per parameters file it is evaluated
  // with); snapshots describe one estate and have none. `done` counts the resources already
  // assigned.
  let done = 0;
  const endInput = (deployment: string | undefined, parameters?: string) => {
    for (; done < resources.length; done++) {
      const r = resources[done];
      if (deployment !== undefined) r.deployment = deployment;
      if (parameters !== undefined) r.parameters = parameters;
    }
  };

  for (const { path: file, explicit } of [...walked.files, ...siblingParameters(walked.files, options)]) {
    if (!explicit && options.select && !options.select(file)) continue;
    if (/\.bicep$/i.test(file)) {
      bicepFiles.push({ file, explicit });
      continue;
    }
    if (/\.bicepparam$/i.test(file)) {
      bicepParams.push({ file, explicit });
      continue;
    }
    if (/\.csv$/i.test(file)) {
      csvFiles.push({ file, explicit });
      continue;
    }
    const text = readText(file, diagnostics);
    if (text === undefined) continue;
    const { doc, diagnostics: syntax } = JsonDocument.parse(file, text);
    if (syntax.length) {
      // A broken file that was named or that claims to be a template is an error; a random
      // JSON file in a folder walk is only noted.
      const kind = classifyDocument(doc);
      if (explicit || kind !== 'other-json') {
        diagnostics.push(...syntax);
        inputs.push({ path: file, kind: 'skipped' });
        continue;
      }
    }
    const kind = classifyDocument(doc);
    parsed.push({ file, doc, kind, explicit });
  }

  const explicitParams = new Map<string, ParameterValues>();
  const paramValues: ParameterValues = new Map();
  for (const p of options.params ?? []) {
    if (/\.bicepparam$/i.test(p)) {
      const text = readText(p, diagnostics);
      if (text === undefined) continue;
      const read = guarded(p, diagnostics, () => loadBicepParams(p, { cache }, text));
      if (!read) continue;
      diagnostics.push(...read.diagnostics);
      for (const [k, v] of read.values) paramValues.set(k, v);
      continue;
    }
    const text = readText(p, diagnostics);
    if (text === undefined) continue;
    const { doc, diagnostics: syntax } = JsonDocument.parse(p, text);
    diagnostics.push(...syntax);
    if (syntax.length) continue;
    if (classifyDocument(doc) !== 'arm-parameters') {
      diagnostics.push(diagnostic('input/not-parameters-file', 'error', `${p}: --params expects a deployment parameters file ($schema …/deploymentParameters.json#)`));
      continue;
    }
    const read = readParametersFile(doc);
    diagnostics.push(...read.diagnostics);
    for (const [k, v] of read.values) paramValues.set(k, v);
    explicitParams.set(path.resolve(p), read.values);
  }

  const pairedFiles = new Set<string>();
  // .bicepparam files are read first: a template their `using` names is evaluated through them
  // (with their values), not again on its own.
  // --params gives every template its values, as it does for ARM templates: the .bicepparam files a
  // folder walk finds are then not used (ones named on the command line still are).
  const given = new Set((options.params ?? []).map((p) => path.resolve(p)));
  const walkedParams = options.params?.length ? bicepParams.filter((b) => !b.explicit) : [];
  for (const { file } of walkedParams) {
    if (given.has(path.resolve(file))) continue;
    inputs.push({ path: file, kind: 'bicep-parameters' });
    diagnostics.push(diagnostic('input/parameters-not-used', 'info', `${file} is not used: --params gives the parameter values of this scan`));
  }
  const paramReads = bicepParams.filter((b) => !walkedParams.includes(b)).map(({ file, explicit }) => ({ file, explicit, read: guarded(file, diagnostics, () => loadBicepParams(file, { cache })) }));
  for (const { file, read } of paramReads) {
    // `using 'main.json'`, the `bicep build` output of the main.bicep beside it: the Bicep file is
    // evaluated with these values (findings at Bicep lines, as for a compiled copy a walk finds),
    // and neither is evaluated again on its own.
    const source = read?.using && !read.usingNone ? bicepSourceOf(read.using, parsed) : undefined;
    if (!read || !source) continue;
    diagnostics.push(diagnostic('input/compiled-bicep', 'info', `${read.using} (used by ${file}) was compiled from ${path.basename(source)}, which is evaluated with its values instead`));
    read.using = source;
  }
  const paramTargets = new Set(paramReads.flatMap(({ read }) => (read?.using && !read.usingNone ? [path.resolve(read.using)] : [])));
  const snapshotCollected: Set<string>[] = [];
  const bicepSources = new Set(bicepFiles.map((b) => path.resolve(b.file)));
  const linkedTemplates = linkedTemplatesOf(parsed.filter((p) => p.kind === 'arm-template').map((p) => p.doc));
  for (const p of parsed) {
    switch (p.kind) {
      case 'arm-template': {
        // `bicep build` output beside its source: the Bicep file is scanned (findings at Bicep
        // lines), the compiled copy would only repeat every resource.
        const source = p.file.replace(/\.json$/i, '.bicep');
        if (!p.explicit && bicepSources.has(path.resolve(source)) && compiledByBicep(p.doc)) {
          diagnostics.push(diagnostic('input/compiled-bicep', 'info', `${p.file} was compiled from ${path.basename(source)}, which is scanned instead`));
          inputs.push({ path: p.file, kind: 'skipped' });
          break;
        }
        // A template a .bicepparam file names in `using` is evaluated with its values below.
        if (paramTargets.has(path.resolve(p.file))) break;
        // A template linked by `templateLink.relativePath` is evaluated through the deployment
        // that links it, with the parameters it passes.
        if (!p.explicit && linkedTemplates.has(path.resolve(p.file))) {
          diagnostics.push(diagnostic('input/linked-template', 'info', `${p.file} is linked from another scanned template; its resources are evaluated through that deployment`));
          inputs.push({ path: p.file, kind: 'arm-template' });
          break;
        }
        // One deployment per parameters file: --params, the one azready.yaml names, or each
        // file beside the template named after it (`main.parameters.json`,
        // `main.parameters.prod.json`, `main.prod.parameters.json`); else the defaults.
        const runs: { values: ParameterValues; used?: string[]; key?: string }[] = [];
        const configured = options.params?.length ? undefined : options.templateParams?.(p.file);
        if (configured) runs.push({ values: readTemplateParams(configured, diagnostics, cache), used: [configured] });
        else if (!options.params?.length) {
          for (const paired of pairedParameters(p.file, parsed)) {
            const read = readParametersFile(paired.doc);
            diagnostics.push(...read.diagnostics);
            pairedFiles.add(path.resolve(paired.file));
            runs.push({ values: read.values, used: [paired.file], key: path.resolve(paired.file) });
          }
        }
        if (!runs.length) runs.push({ values: paramValues, used: options.params });
        for (const run of runs) {
          const out = guarded(p.file, diagnostics, () => expandTemplate(p.doc, { parameters: run.values, deployment: options.deployment }));
          if (out) {
            diagnostics.push(...out.diagnostics);
            resources.push(...out.resources);
          }
          endInput(`template:${path.resolve(p.file)}${run.key ? `\u0000${run.key}` : ''}`, paramsLabel(run.used));
        }
        inputs.push({ path: p.file, kind: 'arm-template' });
        break;
      }
      case 'resource-graph-snapshot': {
        inputs.push({ path: p.file, kind: 'resource-graph-snapshot' });
        const out = guarded(p.file, diagnostics, () => readSnapshot(p.doc));
        if (!out) break;
        diagnostics.push(...out.diagnostics);
        resources.push(...out.resources);
        // A type is complete only if every snapshot read it (each may cover other scopes).
        snapshotCollected.push(new Set((out.collected ?? []).map((t) => t.toLowerCase())));
        endInput(undefined);
        break;
      }
      case 'arm-parameters':
        inputs.push({ path: p.file, kind: 'arm-parameters' });
        break;
      case 'other-json':
        diagnostics.push(diagnostic(
          p.explicit ? 'input/unrecognized-file' : 'input/skipped-file',
          p.explicit ? 'error' : 'info',
          `${p.file}: not an ARM template, parameters file or Resource Graph snapshot; ${p.explicit ? 'pass a template ($schema …/deploymentTemplate.json#) or az graph query output' : 'skipped'}`,
        ));
        inputs.push({ path: p.file, kind: 'skipped' });
        break;
    }
  }
  for (const { file, explicit } of csvFiles) {
    const out = readCsvInput(file, explicit, diagnostics);
    if (!out) {
      inputs.push({ path: file, kind: 'skipped' });
      continue;
    }
    inputs.push({ path: file, kind: 'resource-graph-snapshot' });
    diagnostics.push(...out.diagnostics);
    resources.push(...out.resources);
    snapshotCollected.push(new Set());
    endInput(undefined);
  }
  dropCompletePages(parsed, diagnostics);
  // A Bicep template pairs with the JSON parameters files named for it, as an ARM template does
  // (azd's infra/main.parameters.json beside infra/main.bicep), unless a .bicepparam file, --params
  // or azready.yaml gives its values.
  const bicepPairs = new Map<string, Parsed[]>();
  const bicepNames = bicepFiles.map((b) => b.file);
  for (const file of options.params?.length ? [] : bicepNames) {
    if (paramTargets.has(path.resolve(file)) || options.templateParams?.(file)) continue;
    const paired = pairedParameters(file, parsed, bicepNames);
    if (!paired.length) continue;
    bicepPairs.set(path.resolve(file), paired);
    for (const q of paired) pairedFiles.add(path.resolve(q.file));
  }
  // A parameters file found in a folder that no template is named for would silently change
  // nothing: say so.
  // Which template (ARM or Bicep) each parameters file is named for, whether or not it was used.
  const namedFor = new Map<string, string>();
  for (const template of [...parsed.filter((t) => t.kind === 'arm-template').map((t) => t.file), ...bicepNames]) {
    for (const q of pairedParameters(template, parsed, bicepNames)) namedFor.set(path.resolve(q.file), template);
  }
  for (const p of parsed) {
    if (p.kind !== 'arm-parameters' || p.explicit || pairedFiles.has(path.resolve(p.file)) || options.params?.length) continue;
    const template = namedFor.get(path.resolve(p.file));
    if (template !== undefined && paramTargets.has(path.resolve(template))) {
      diagnostics.push(diagnostic('input/parameters-unpaired', 'info', `${p.file}: its values are not used: ${template} is evaluated with the .bicepparam file(s) whose using names it instead`));
      continue;
    }
    diagnostics.push(diagnostic('input/parameters-unpaired', 'info', `${p.file}: no scanned template is named for this parameters file (<template>.parameters.json, <template>.parameters.<env>.json or <template>.<env>.parameters.json); its values are not used. Pass it with --params, or pair it in azready.yaml`));
  }
  // Bicep: a .bicepparam file pairs with the template its `using` names; a template without one
  // takes --params.
  const bicepDone = new Set<string>();
  for (const { file, explicit, read } of paramReads) {
    inputs.push({ path: file, kind: 'bicep-parameters' });
    if (!read) continue;
    diagnostics.push(...read.diagnostics);
    if (read.usingNone) {
      // A shared base (`using none`): its values reach templates through the files that extend it.
      // Named on its own, it evaluates nothing: say what to scan instead.
      diagnostics.push(diagnostic('input/parameters-base', explicit ? 'warning' : 'info', `${file} declares "using none": its values are used by the parameters files that extend it${explicit ? '; scan those files (or the folder) to evaluate a template' : ''}`));
      continue;
    }
    if (read.unavailable) continue;
    if (!read.using) {
      diagnostics.push(diagnostic('bicep/using-missing', 'warning', `${file}: the parameters file has no "using '<template>.bicep'"; pass it with --params next to its template`));
      continue;
    }
    // Each parameters file is a deployment of its own (dev and prod values of one template):
    // its results carry the parameters file's name, and relations stay inside it.
    const target = path.resolve(read.using);
    bicepDone.add(target);
    const values = new Map([...paramValues, ...read.values]);
    // `using` may name an ARM template (JSON) as well as a Bicep file.
    if (/\.bicep$/i.test(read.using)) loadBicep(read.using, values, options, cache, diagnostics, resources, inputs);
    else loadArmTemplate(read.using, parsed, values, options, diagnostics, resources, inputs);
    endInput(`template:${target}\u0000${path.resolve(file)}`, paramsLabel([...(options.params ?? []), file]));
  }
  // A Bicep file that another scanned file uses as a module is evaluated through that module
  // call (with its parameters), not again on its own — unless it was named explicitly.
  const modules = localModulesOf(bicepFiles.map((b) => b.file), cache);
  for (const { file, explicit } of bicepFiles) {
    if (!explicit && modules.has(path.resolve(file))) {
      inputs.push({ path: file, kind: 'bicep' });
      diagnostics.push(diagnostic('input/bicep-module', 'info', `${file} is a module of another scanned file; its resources are evaluated through that module call`));
      continue;
    }
    if (bicepDone.has(path.resolve(file))) continue;
    bicepDone.add(path.resolve(file));
    const configured = options.params?.length ? undefined : options.templateParams?.(file);
    const paired = bicepPairs.get(path.resolve(file)) ?? [];
    for (const q of paired) {
      const read = readParametersFile(q.doc);
      diagnostics.push(...read.diagnostics);
      loadBicep(file, read.values, options, cache, diagnostics, resources, inputs);
      endInput(`template:${path.resolve(file)}\u0000${path.resolve(q.file)}`, paramsLabel([q.file]));
    }
    if (paired.length) continue;
    loadBicep(file, configured ? readTemplateParams(configured, diagnostics, cache) : paramValues, options, cache, diagnostics, resources, inputs);
    endInput(`template:${path.resolve(file)}`, paramsLabel(configured ? [configured] : options.params));
  }
  const collected = snapshotCollected.length ? [...snapshotCollected[0]].filter((t) => snapshotCollected.every((s) => s.has(t))) : [];
  // A template evaluated with several parameters files is one input.
  const listed = new Set<string>();
  const uniqueInputs = inputs.filter((x) => !listed.has(`${x.kind}\u0000${x.path}`) && !!listed.add(`${x.kind}\u0000${x.path}`));
  return new ResourceSet(dedupe(resources, diagnostics), diagnostics, uniqueInputs, collected);
}

/**
 * The parameters files beside an ARM template that are named for it, in name order:
 * `<base>.parameters.json`, `<base>.parameters.<env>.json` and `<base>.<env>.parameters.json`.
 * A file two templates could claim (`main.prod.parameters.json` beside `main.json` and
 * `main.prod.json`) belongs to the longer name.
 */
function pairedParameters(template: string, parsed: Parsed[], bicepTemplates: readonly string[] = []): Parsed[] {
  const dir = path.resolve(path.dirname(template));
  const inDir = (q: { file: string }) => path.resolve(path.dirname(q.file)) === dir;
  const bases = [...parsed.filter((q) => q.kind === 'arm-template' && inDir(q)).map((q) => q.file), ...bicepTemplates.filter((f) => inDir({ file: f }))].map(baseName);
  const own = baseName(template);
  return parsed
    .filter((q) => {
      if (q.kind !== 'arm-parameters' || !inDir(q)) return false;
      const name = path.basename(q.file).toLowerCase();
      return namedFor(name, own) && !bases.some((b) => b.length > own.length && namedFor(name, b));
    })
    .sort((a, b) => a.file.localeCompare(b.file));
}

const baseName = (file: string) => path.basename(file).replace(/\.(json|bicep)$/i, '').toLowerCase();

/**
 * A template named on the command line (`azready scan infra/main.bicep`) is evaluated with the
 * parameters files beside it named for it, as when its folder is scanned: those not already among
 * the inputs. None when --params gives the values.
 */
function siblingParameters(files: readonly { path: string; explicit: boolean }[], options: LoadOptions): { path: string; explicit: boolean }[] {
  if (options.params?.length) return [];
  const known = new Set(files.map((f) => path.resolve(f.path)));
  const out: { path: string; explicit: boolean }[] = [];
  for (const f of files) {
    if (!f.explicit || !/\.(json|bicep)$/i.test(f.path) || /\.parameters(\.[^.]+)?\.json$/i.test(f.path)) continue;
    const dir = path.dirname(f.path);
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    const own = baseName(f.path);
    for (const name of names.sort()) {
      const file = path.join(dir, name);
      if (!namedFor(name.toLowerCase(), own) || known.has(path.resolve(file))) continue;
      known.add(path.resolve(file));
      out.push({ path: file, explicit: false });
    }
  }
  return out;
}

function namedFor(name: string, base: string): boolean {
  if (!name.startsWith(base + '.')) return false;
  const rest = name.slice(base.length + 1);
  return rest === 'parameters.json' || /^parameters\.[^.]+\.json$/.test(rest) || /^[^.]+\.parameters\.json$/.test(rest);
}

/** The parameters files a template was evaluated with, as the user named them (none: undefined). */
function paramsLabel(files: string[] | undefined): string | undefined {
  // A folder's .bicepparam file also given with --params is named once.
  const unique = files?.filter((f, i) => files.findIndex((g) => path.resolve(g) === path.resolve(f)) === i);
  return unique?.length ? unique.join(', ') : undefined;
}

/** Absolute paths of the templates that the given templates link with a literal relativePath. */
function linkedTemplatesOf(docs: JsonDocument[]): Set<string> {
  const out = new Set<string>();
  const visit = (node: JsonNode | undefined, doc: JsonDocument): void => {
    if (!node?.children) return;
    if (node.type === 'object') {
      const rel = member(member(node, 'templateLink'), 'relativePath')?.value;
      const target = typeof rel === 'string' && !rel.startsWith('[') ? path.resolve(path.dirname(doc.file), rel) : undefined;
      if (target && target !== path.resolve(doc.file)) out.add(target);
    }
    for (const c of node.children) visit(c, doc);
  };
  for (const doc of docs) visit(doc.root, doc);
  return out;
}

/** The .bicep file beside `file` that the Bicep compiler compiled `file` from, if it is one. */
function bicepSourceOf(file: string, parsed: Parsed[]): string | undefined {
  if (!/\.json$/i.test(file)) return undefined;
  const source = file.replace(/\.json$/i, '.bicep');
  if (!isFile(source)) return undefined;
  // What is wrong with the JSON is said where the template is read, as for any template using names.
  const doc = jsonDocumentOf(file, parsed, []);
  return doc && compiledByBicep(doc) ? source : undefined;
}

/** A JSON file the scan parsed already, else read and parsed now (problems go to `diagnostics`). */
function jsonDocumentOf(file: string, parsed: Parsed[], diagnostics: Diagnostic[]): JsonDocument | undefined {
  const known = parsed.find((p) => path.resolve(p.file) === path.resolve(file))?.doc;
  if (known) return known;
  const text = readText(file, diagnostics);
  if (text === undefined) return undefined;
  const read = JsonDocument.parse(file, text);
  diagnostics.push(...read.diagnostics);
  return read.diagnostics.length ? undefined : read.doc;
}

/** Did the Bicep compiler write this template (`metadata._generator.name` is `bicep`)? */
function compiledByBicep(doc: JsonDocument): boolean {
  return member(member(member(doc.root, 'metadata'), '_generator'), 'name')?.value === 'bicep';
}

/** Absolute paths of the local `.bicep` modules the given files call. */
function localModulesOf(files: string[], cache: CompileCache): Set<string> {
  const out = new Set<string>();
  for (const file of files) {
    let text: string;
    try {
      text = cache.text(file, readUtf8);
    } catch {
      continue;
    }
    if (!text.includes('module ')) continue;
    for (const s of parseBicep(file, text).statements) {
      if (s.kind !== 'module-decl' || s.path.kind === 'error') continue;
      const ref = s.path.parts.join('');
      if (/^(br|ts)[:/]/.test(ref) || !/\.bicep$/i.test(ref)) continue;
      out.add(path.resolve(path.dirname(file), ref));
    }
  }
  return out;
}

/**
 * Every page of one query exported to its own file (`az graph query --skip-token` until none is
 * left) and scanned together: the pages hold the rows `total_records` counts, so no page is
 * partial. Pages of one query are told by the total they share.
 */
function dropCompletePages(parsed: Parsed[], diagnostics: Diagnostic[]): void {
  const byTotal = new Map<number, { files: Set<string>; rows: number }>();
  for (const p of parsed) {
    if (p.kind !== 'resource-graph-snapshot') continue;
    const page = exportPage(p.doc);
    if (page?.total === undefined) continue;
    const group = byTotal.get(page.total) ?? { files: new Set<string>(), rows: 0 };
    group.files.add(p.file);
    group.rows += page.rows;
    byTotal.set(page.total, group);
  }
  const complete = new Set([...byTotal.entries()].filter(([total, g]) => g.files.size > 1 && g.rows >= total).flatMap(([, g]) => [...g.files]));
  if (!complete.size) return;
  for (let i = diagnostics.length - 1; i >= 0; i--) {
    const d = diagnostics[i];
    if (d.code === 'snapshot/partial' && d.location && complete.has(d.location.file)) diagnostics.splice(i, 1);
  }
}

/**
 * One Resource Graph row on its own: PowerShell's ConvertTo-Json writes a one-element array as
 * its element, so a query with a single result exports as an object.
 */
/** An ARM template a .bicepparam file names, expanded with its values. */
function loadArmTemplate(file: string, parsed: Parsed[], values: ParameterValues, options: LoadOptions, diagnostics: Diagnostic[], resources: Resource[], inputs: InputInfo[]): void {
  const doc = jsonDocumentOf(file, parsed, diagnostics);
  if (!doc) return;
  if (classifyDocument(doc) !== 'arm-template') {
    diagnostics.push(diagnostic('input/not-a-template', 'error', `${file}: a .bicepparam file names it in using, but it is not an ARM template ($schema …/deploymentTemplate.json#) or a .bicep file`));
    return;
  }
  inputs.push({ path: file, kind: 'arm-template' });
  const template = doc;
  const out = guarded(file, diagnostics, () => expandTemplate(template, { parameters: values, deployment: options.deployment }));
  if (!out) return;
  diagnostics.push(...out.diagnostics);
  resources.push(...out.resources);
}

function loadBicep(file: string, values: ParameterValues, options: LoadOptions, cache: CompileCache, diagnostics: Diagnostic[], resources: Resource[], inputs: InputInfo[]): void {
  let text: string;
  try {
    text = cache.text(file, readUtf8);
  } catch (e) {
    diagnostics.push(diagnostic('input/unreadable', 'error', `${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`));
    return;
  }
  inputs.push({ path: file, kind: 'bicep' });
  const out = guarded(file, diagnostics, () => loadBicepFile(file, { parameters: values, deployment: options.deployment, cache }, text));
  if (!out) return;
  diagnostics.push(...out.diagnostics);
  resources.push(...out.resources);
}

/**
 * Runs one input's front end. A failure that is azready's own (a bug, a file nested too deeply for
 * the stack) becomes an error naming the file, and the other inputs are still evaluated.
 */
function guarded<T>(file: string, diagnostics: Diagnostic[], run: () => T): T | undefined {
  try {
    return run();
  } catch (e) {
    const what = e instanceof RangeError ? 'it nests or refers to itself too deeply' : `internal error: ${(e as Error)?.message ?? String(e)}`;
    diagnostics.push(diagnostic('input/evaluation-aborted', 'error', `${file}: azready could not evaluate this file (${what}); its resources are not checked. Please report it with the file.`));
    return undefined;
  }
}

/** The parameters file azready.yaml pairs with one template (ARM JSON or .bicepparam). */
function readTemplateParams(file: string, diagnostics: Diagnostic[], cache: CompileCache): ParameterValues {
  if (/\.bicepparam$/i.test(file)) {
    const text = readText(file, diagnostics);
    if (text === undefined) return new Map();
    const read = guarded(file, diagnostics, () => loadBicepParams(file, { cache }, text));
    diagnostics.push(...(read?.diagnostics ?? []));
    return read?.values ?? new Map();
  }
  const text = readText(file, diagnostics);
  if (text === undefined) return new Map();
  const { doc, diagnostics: syntax } = JsonDocument.parse(file, text);
  diagnostics.push(...syntax);
  if (syntax.length) return new Map();
  if (classifyDocument(doc) !== 'arm-parameters') {
    diagnostics.push(diagnostic('input/not-parameters-file', 'error', `${file}: azready.yaml parameters expects a deployment parameters file ($schema …/deploymentParameters.json#)`));
    return new Map();
  }
  const read = readParametersFile(doc);
  diagnostics.push(...read.diagnostics);
  return read.values;
}

const readUtf8 = (file: string) => readFileSync(file, 'utf8');

/**
 * A CSV file read as a Resource Graph export. One a folder walk found is read only when its first
 * line is a Resource Graph header (a repository's other CSV files may be large data sets).
 */
function readCsvInput(file: string, explicit: boolean, diagnostics: Diagnostic[]): ReturnType<typeof readCsvSnapshot> | undefined {
  if (!explicit && !isCsvSnapshot(parseCsv(firstLine(file)))) {
    diagnostics.push(diagnostic('input/skipped-file', 'info', `${file}: not a Resource Graph export (its header has no id and type columns); skipped`));
    return undefined;
  }
  const text = readText(file, diagnostics);
  if (text === undefined) return undefined;
  const table = parseCsv(text);
  if (!isCsvSnapshot(table)) {
    const what = text.trim() === '' ? 'it is empty' : 'its first line names no id and type columns';
    diagnostics.push(diagnostic('input/unrecognized-file', 'error', `${file}: a CSV file is read as a Resource Graph export (Resource Graph Explorer's Download as CSV), but ${what}; export whole rows (Resources | where …, without project)`));
    return undefined;
  }
  return guarded(file, diagnostics, () => readCsvSnapshot(file, text, table));
}

/** The first line of a file (at most 64 KiB of it), or '' when it cannot be read. */
function firstLine(file: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buffer = Buffer.alloc(65536);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, n).toString('utf8');
    const end = head.search(/\r?\n/);
    return end < 0 ? head : head.slice(0, end);
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function readText(file: string, diagnostics: Diagnostic[]): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file; check the path' : code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' ? 'permission denied' : `cannot be read (${code ?? 'error'})`;
    diagnostics.push(diagnostic('input/unreadable', 'error', `${file}: ${why}`));
    return undefined;
  }
}

/**
 * The same resource id twice in one deployment (or in the snapshots, which describe one estate):
 * keep the first, say so. Separate template files are separate deployments whose ids share the
 * placeholder scope, so equal ids there are not the same resource and each is evaluated.
 */
function dedupe(resources: Resource[], diagnostics: Diagnostic[]): Resource[] {
  const seen = new Map<string, Resource>();
  const out: Resource[] = [];
  resources.forEach((r) => {
    const id = r.id.toLowerCase();
    // Resources whose name is unknown cannot be told apart: keep them all.
    if (id.includes('{unknown')) {
      out.push(r);
      return;
    }
    const key = `${r.deployment ?? ''}\u0000${id}`;
    const first = seen.get(key);
    if (first) {
      if (first.file !== r.file || r.origin === 'snapshot') {
        diagnostics.push(diagnostic('input/duplicate-resource', 'info', `${r.id} is declared more than once; the first declaration (${first.file ?? 'live'}) is evaluated`, r.sourceMap?.rangeOf('')));
      }
      return;
    }
    seen.set(key, r);
    out.push(r);
  });
  return out;
}

export { hasErrors };
