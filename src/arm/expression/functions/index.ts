// The table of every template function this version evaluates, by lower-cased name.
import { Unknown } from '../../../core/unknown.js';
import { deploymentFunctions } from './deployment-functions.js';
import type { TemplateFunction } from './function-def.js';
import { logicalFunctions } from './logical-functions.js';
import { listFunction, resourceFunctions } from './resource-functions.js';
import { stringFunctions } from './string-functions.js';

const table = new Map<string, TemplateFunction>(
  Object.entries({ ...deploymentFunctions, ...stringFunctions, ...logicalFunctions, ...resourceFunctions }),
);

/** Lookup that also answers the whole `list*` family. */
export const FUNCTIONS = {
  get(name: string): TemplateFunction | undefined {
    const fn = table.get(name);
    if (fn) return fn;
    if (name.startsWith('list')) return { acceptsUnknown: true, evaluate: () => listFunction(name) };
    return undefined;
  },
  has(name: string): boolean {
    return this.get(name) !== undefined;
  },
};

export { Unknown };
