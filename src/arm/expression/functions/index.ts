// The table of every template function this version evaluates, by lower-cased name, assembled
// from one table per function family.
import { arrayFunctions } from './array-functions.js';
import { cidrFunctions } from './cidr-functions.js';
import { comparisonFunctions } from './comparison-functions.js';
import { dateFunctions } from './date-functions.js';
import { deploymentFunctions } from './deployment-functions.js';
import type { FunctionTable, TemplateFunction } from './function-def.js';
import { hashFunctions } from './hash-functions.js';
import { lambdaFunctions } from './lambda-functions.js';
import { logicalFunctions } from './logical-functions.js';
import { numericFunctions } from './numeric-functions.js';
import { objectFunctions } from './object-functions.js';
import { listFunction, resourceFunctions } from './resource-functions.js';
import { scopeFunctions } from './scope-functions.js';
import { stringFunctions } from './string-functions.js';

const families: FunctionTable[] = [
  arrayFunctions,
  cidrFunctions,
  comparisonFunctions,
  dateFunctions,
  deploymentFunctions,
  hashFunctions,
  lambdaFunctions,
  logicalFunctions,
  numericFunctions,
  objectFunctions,
  resourceFunctions,
  scopeFunctions,
  stringFunctions,
];

const table = new Map<string, TemplateFunction>();
for (const family of families) {
  for (const [name, fn] of Object.entries(family)) {
    if (table.has(name)) throw new Error(`the template function '${name}' is defined by two families`);
    table.set(name, fn);
  }
}

/** Lookup by name in any casing; also answers the whole `list*` family. */
export const FUNCTIONS = {
  get(name: string): TemplateFunction | undefined {
    return this.lookup(name.toLowerCase(), name);
  },
  /** `get` for a caller that has the lower-cased name already. */
  lookup(key: string, name: string): TemplateFunction | undefined {
    const fn = table.get(key);
    if (fn) return fn;
    // The reason names the function as the template spells it: "listKeys() returns…".
    if (key.startsWith('list')) return { acceptsUnknown: true, evaluate: () => listFunction(name) };
    return undefined;
  },
  has(name: string): boolean {
    return this.get(name) !== undefined;
  },
  /** Every name in the table (lower case), for documentation and coverage checks. */
  names(): string[] {
    return [...table.keys()].sort();
  },
};
