// Evaluation scope of one template: parameters, variables and copy loops, plus the walk that turns
// a JSON node with `[...]` expressions into a value, recording source ranges on the way.
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import { childPath } from '../core/json-path.js';
import { Unknown, type Value } from '../core/unknown.js';
import type { SourceMap } from '../model/source-map.js';
import type { DeploymentContext } from './deployment-context.js';
import { EvaluationError, type EvalContext } from './expression/eval-context.js';
import { evaluateExpression } from './expression/evaluate-expression.js';
import { isExpression, parseExpression, unescapeLiteral } from './expression/parse-expression.js';
import { member, members, type JsonDocument, type JsonNode } from './json-document.js';
import type { ParameterValues } from './parameters-file.js';

const MAX_COPY = 800;

export class TemplateScope implements EvalContext {
  readonly diagnostics: Diagnostic[] = [];
  private readonly params = new Map<string, Value>();
  readonly secureParams = new Set<string>();
  private readonly variableNodes = new Map<string, JsonNode>();
  private readonly variableValues = new Map<string, Value>();
  private readonly copyVariables = new Set<string>();
  private readonly evaluatingVariables = new Set<string>();
  private readonly loops: { name: string; index: number }[] = [];
  private readonly reportedFunctions = new Set<string>();
  private currentNode?: JsonNode;

  constructor(
    readonly doc: JsonDocument,
    readonly deployment: DeploymentContext,
    supplied: ParameterValues,
  ) {
    this.declareParameters(supplied);
    for (const [name, node] of members(member(doc.root, 'variables'))) {
      if (name.toLowerCase() === 'copy') continue;
      this.variableNodes.set(name.toLowerCase(), node);
    }
    const copies = member(member(doc.root, 'variables'), 'copy');
    for (const c of copies?.children ?? []) {
      const name = member(c, 'name')?.value;
      if (typeof name !== 'string') continue;
      this.variableNodes.set(name.toLowerCase(), c);
      this.copyVariables.add(name.toLowerCase());
    }
  }

  private declareParameters(supplied: ParameterValues): void {
    for (const [name, decl] of members(member(this.doc.root, 'parameters'))) {
      const key = name.toLowerCase();
      const type = String(member(decl, 'type')?.value ?? '').toLowerCase();
      const given = supplied.get(key);
      if (type.startsWith('secure') || given?.secret) this.secureParams.add(key);
      if (given) {
        this.params.set(key, given.value);
        continue;
      }
      const def = member(decl, 'defaultValue');
      if (def) {
        this.params.set(key, this.evaluate(def));
      } else {
        this.params.set(key, new Unknown(`the parameter '${name}' has no value: pass it with --params or give it a default`));
        this.diagnostics.push(diagnostic('arm/parameter-without-value', 'info', `the parameter '${name}' has no value and no default; what depends on it is unverified. Pass a parameters file with --params.`, this.doc.rangeOf(decl)));
      }
    }
    for (const name of supplied.keys()) {
      if (!this.params.has(name)) {
        this.diagnostics.push(diagnostic('arm/unknown-parameter', 'warning', `the parameters file sets '${name}', which the template does not declare`, this.doc.rangeOf(this.doc.root!)));
      }
    }
  }

  parameter(name: string): Value | undefined {
    return this.params.get(name.toLowerCase());
  }

  variable(name: string): Value | undefined {
    const key = name.toLowerCase();
    if (this.variableValues.has(key)) return this.variableValues.get(key);
    const node = this.variableNodes.get(key);
    if (!node) return undefined;
    if (this.evaluatingVariables.has(key)) throw new EvaluationError(`the variable '${name}' refers to itself`);
    this.evaluatingVariables.add(key);
    try {
      const saved = this.loops.splice(0);
      const value = this.copyVariables.has(key) ? this.copyArray(node) : this.evaluate(node);
      this.loops.push(...saved);
      this.variableValues.set(key, value);
      return value;
    } finally {
      this.evaluatingVariables.delete(key);
    }
  }

  copyIndex(loopName?: string): number | undefined {
    if (!loopName) return this.loops[this.loops.length - 1]?.index;
    const l = [...this.loops].reverse().find((x) => x.name.toLowerCase() === loopName.toLowerCase());
    return l?.index;
  }

  unsupported(functionName: string): void {
    const key = functionName.toLowerCase();
    if (this.reportedFunctions.has(key)) return;
    this.reportedFunctions.add(key);
    this.diagnostics.push(diagnostic('arm/unsupported-function', 'info', `the template function '${functionName}' is not evaluated yet; values that use it are unverified`, this.currentNode ? this.doc.rangeOf(this.currentNode) : undefined));
  }

  /** Runs `body` once per element of a copy loop (resources and properties use it). */
  withLoop<T>(name: string, index: number, body: () => T): T {
    this.loops.push({ name, index });
    try {
      return body();
    } finally {
      this.loops.pop();
    }
  }

  /** The iteration count of a `copy` object, or an Unknown when it cannot be known. */
  copyCount(copy: JsonNode): number | Unknown {
    const count = this.evaluate(member(copy, 'count'));
    if (count instanceof Unknown) return count;
    if (typeof count !== 'number' || count < 0 || !Number.isInteger(count)) {
      this.diagnostics.push(diagnostic('arm/invalid-copy-count', 'error', `copy count must be a non-negative integer, got ${JSON.stringify(count)}`, this.doc.rangeOf(copy)));
      return new Unknown('the copy count is invalid');
    }
    if (count > MAX_COPY) {
      this.diagnostics.push(diagnostic('arm/copy-limit', 'error', `copy count ${count} is over ARM's limit of ${MAX_COPY}`, this.doc.rangeOf(copy)));
      return new Unknown(`the copy count ${count} is over ARM's limit of ${MAX_COPY}`);
    }
    return count;
  }

  private copyArray(copy: JsonNode, map?: SourceMap, path?: string): Value {
    const name = String(member(copy, 'name')?.value ?? '');
    const count = this.copyCount(copy);
    if (count instanceof Unknown) return count;
    const input = member(copy, 'input');
    return Array.from({ length: count }, (_, i) =>
      this.withLoop(name, i, () => this.evaluate(input, map, path === undefined ? undefined : childPath(path, i))),
    );
  }

  /**
   * The value of a template JSON node with every expression evaluated. When `map` is given, the
   * range of every property path under `path` is recorded in it.
   */
  evaluate(node: JsonNode | undefined, map?: SourceMap, path?: string, secrets?: string[]): Value {
    if (!node) return null;
    if (map && path !== undefined) map.set(path, this.doc.rangeOf(node));
    switch (node.type) {
      case 'object': {
        const out: Record<string, Value> = {};
        for (const [key, child] of members(node)) {
          if (key === 'copy' && isPropertyCopy(child)) {
            for (const c of child.children ?? []) {
              const name = String(member(c, 'name')?.value ?? '');
              out[name] = this.copyArray(c, map, path !== undefined ? childPath(path, name) : undefined);
            }
            continue;
          }
          out[key] = this.evaluate(child, map, path === undefined ? undefined : childPath(path, key), secrets);
        }
        return out;
      }
      case 'array':
        return (node.children ?? []).map((c, i) => this.evaluate(c, map, path === undefined ? undefined : childPath(path, i), secrets));
      case 'string': {
        const text = node.value as string;
        if (!isExpression(text)) return unescapeLiteral(text);
        if (secrets && path !== undefined && this.usesSecureParameter(text)) secrets.push(path);
        return this.evaluateString(node, text);
      }
      default:
        return node.value as Value;
    }
  }

  private evaluateString(node: JsonNode, text: string): Value {
    const parsed = parseExpression(text.slice(1, -1));
    if (!parsed.ok) {
      this.diagnostics.push(diagnostic(parsed.error.code, 'error', `invalid template expression: ${parsed.error.message} (at character ${parsed.error.offset + 2} of the string)`, this.doc.rangeOf(node)));
      return new Unknown('the expression is invalid', text);
    }
    const saved = this.currentNode;
    this.currentNode = node;
    try {
      return evaluateExpression(parsed.node, this);
    } catch (e) {
      if (!(e instanceof EvaluationError)) throw e;
      this.diagnostics.push(diagnostic('arm/expression-error', 'error', `${e.message} in ${text}`, this.doc.rangeOf(node)));
      return new Unknown(`the expression failed: ${e.message}`, text);
    } finally {
      this.currentNode = saved;
    }
  }

  private usesSecureParameter(text: string): boolean {
    for (const m of text.matchAll(/parameters\(\s*'([^']+)'\s*\)/gi)) if (this.secureParams.has(m[1].toLowerCase())) return true;
    return false;
  }
}

/** A `copy` member that is a property loop: an array of `{name, count, input}`. */
function isPropertyCopy(node: JsonNode): boolean {
  return node.type === 'array' && (node.children?.length ?? 0) > 0 && node.children!.every((c) => member(c, 'name') && member(c, 'count') && member(c, 'input'));
}
