// What each template function returns whatever its arguments: an Unknown argument (or a runtime
// value such as utcNow()) gives an Unknown of that type, which is never null. Functions whose
// result type depends on their arguments (concat, union, if, coalesce, first…) are not listed.
import type { UnknownType } from '../../../core/unknown.js';

const BY_TYPE: Record<UnknownType, string[]> = {
  string: [
    'format', 'string', 'tolower', 'toupper', 'trim', 'replace', 'substring', 'padleft', 'uniquestring', 'guid', 'newguid',
    'base64', 'base64tostring', 'datauri', 'datauritostring', 'uri', 'uricomponent', 'uricomponenttostring', 'utcnow',
    'datetimeadd', 'datetimefromepoch', 'resourceid', 'subscriptionresourceid', 'tenantresourceid', 'extensionresourceid',
    'managementgroupresourceid', 'join', 'cidrhost', 'cidrsubnet',
  ],
  number: ['length', 'indexof', 'lastindexof', 'int', 'add', 'sub', 'mul', 'div', 'mod', 'datetimetoepoch'],
  boolean: ['equals', 'not', 'and', 'or', 'less', 'lessorequals', 'greater', 'greaterorequals', 'contains', 'empty', 'startswith', 'endswith', 'bool'],
  array: ['split', 'createarray', 'range', 'items', 'map', 'filter', 'sort', 'flatten', 'array', 'pickzones'],
  object: ['createobject', 'parsecidr', 'toobject', 'reference', 'listkeys', 'resourcegroup', 'subscription', 'managementgroup', 'tenant', 'deployment', 'environment'],
};

const RETURNS = new Map<string, UnknownType | 'same'>();
for (const [type, names] of Object.entries(BY_TYPE) as [UnknownType, string[]][]) for (const n of names) RETURNS.set(n, type);

// parameters() and variables() give the value as it is, with the type it has.
RETURNS.set('parameters', 'same');
RETURNS.set('variables', 'same');

/** The result type of the template function `name` (lower case), when it does not vary. */
export function returnTypeOf(name: string): UnknownType | 'same' | undefined {
  return RETURNS.get(name);
}
