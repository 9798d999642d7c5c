// Deployment parameter files (`deploymentParameters.json`): values by name, Key Vault references
// as Unknowns (the secret lives in the vault), positions kept for diagnostics.
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import type { SourceRange } from '../core/source-range.js';
import { Unknown, type Value } from '../core/unknown.js';
import { substituteAzd } from './azd-substitution.js';
import { JsonDocument, member, members, plainValue } from './json-document.js';

export interface ParameterValue {
  value: Value;
  /** True for Key Vault references: the value is a secret and stays out of reports. */
  secret: boolean;
  /** Where the value was given (the parameters file entry, the .bicepparam assignment). */
  location?: SourceRange;
  /** The name as the parameters file spells it (the map's key is lower-cased). */
  name?: string;
  /** Text azd placeholders (`${NAME}`) were filled into: it takes the parameter's declared type. */
  substituted?: boolean;
}

export type ParameterValues = Map<string, ParameterValue>;

export function isParametersDocument(root: unknown): boolean {
  if (!root || typeof root !== 'object') return false;
  const schema = (root as Record<string, unknown>).$schema;
  return typeof schema === 'string' && /deploymentParameters\.json/i.test(schema);
}

/** Reads a parameters file; names are keyed lower-case, as ARM matches them. */
export function readParametersFile(doc: JsonDocument): { values: ParameterValues; diagnostics: Diagnostic[] } {
  const values: ParameterValues = new Map();
  const diagnostics: Diagnostic[] = [];
  const params = member(doc.root, 'parameters');
  if (!params || params.type !== 'object') {
    diagnostics.push(diagnostic('arm/parameters-missing', 'error', 'the parameters file has no "parameters" object; add one with {"name": {"value": …}} entries', doc.rangeOf(doc.root ?? params!)));
    return { values, diagnostics };
  }
  for (const [name, node] of members(params)) {
    const value = member(node, 'value');
    const reference = member(node, 'reference');
    if (value) {
      const plain = plainValue(value) as Value;
      const azd = typeof plain === 'string' ? substituteAzd(plain) : undefined;
      values.set(name.toLowerCase(), { value: azd ? azd.value : plain, secret: false, location: doc.rangeOf(node), name, ...(azd?.substituted ? { substituted: true } : {}) });
    } else if (reference) {
      const secretName = plainValue(member(reference, 'secretName'));
      values.set(name.toLowerCase(), {
        value: new Unknown(`the parameter '${name}' is a Key Vault reference (secret '${String(secretName)}') resolved at deployment`),
        secret: true,
        location: doc.rangeOf(node),
        name,
      });
    } else {
      diagnostics.push(diagnostic('arm/parameter-without-value', 'error', `the parameter '${name}' has neither "value" nor "reference"; give it {"value": …}`, doc.rangeOf(node)));
    }
  }
  return { values, diagnostics };
}
