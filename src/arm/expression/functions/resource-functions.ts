// Resource id functions (computed from the deployment context) and the runtime-only resource
// functions (reference, references, list*, providers, pickZones, zone mappings), which yield Unknowns
// with their reason, and environment().
import { Unknown, isUnknown, type Value } from '../../../core/unknown.js';
import { idSegment, resourceIdAt, spelledOutId, unknownId } from '../../deployment-context.js';
import { EvaluationError } from '../eval-context.js';
import { str } from './arg-checks.js';
import type { FunctionTable } from './function-def.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Splits `resourceId()` arguments at the first argument containing a '/', which is the type. */
function typeAndNames(name: string, args: Value[]): { prefix: string[]; type: string; names: string[] } {
  const strings = args.map((a) => str(name, a));
  // The type is the first argument shaped like 'Namespace.Provider/type': one with a slash that is
  // not at its start (a subscription id such as '/subscriptions/…' also contains a slash).
  const ti = strings.findIndex((s) => s.includes('/') && !s.startsWith('/'));
  if (ti < 0) throw new EvaluationError(`${name}() needs a resource type such as 'Microsoft.Storage/storageAccounts'`);
  // ARM ignores a trailing '/' after the type ('Microsoft.Authorization/policyAssignments/').
  const written = strings[ti];
  const type = written.charCodeAt(written.length - 1) === 47 ? written.replace(/\/+$/, '') : written;
  const names = strings.slice(ti + 1);
  const expected = slashes(type);
  if (names.length !== expected) {
    throw new EvaluationError(`${name}() for '${type}' needs ${expected} name segment(s), got ${names.length}`);
  }
  return { prefix: strings.slice(0, ti), type, names };
}

/** How many '/' a type has: its name segments (`type.split('/').length - 1` without the array). */
function slashes(type: string): number {
  let n = 0;
  for (let i = 0; i < type.length; i++) if (type.charCodeAt(i) === 47) n++;
  return n;
}

/**
 * The id a resource id call gives when an argument is unknown: when only name segments are (the
 * type is a known string before them), an Unknown that knows which type of resource it names.
 */
function unknownNameId(args: Value[], unknown: Unknown): Unknown {
  const ti = args.findIndex((a) => typeof a === 'string' && a.includes('/') && !a.startsWith('/'));
  const namesOnly = ti >= 0 && args.slice(0, ti).every((a) => !isUnknown(a));
  return new Unknown(unknown.reason, unknown.expression, undefined, 'string', namesOnly ? (args[ti] as string).replace(/\/+$/, '') : undefined);
}

export const resourceFunctions: FunctionTable = {
  resourceid: {
    acceptsUnknown: true,
    evaluate(args, ctx) {
      const unknownArg = args.find(isUnknown);
      if (unknownArg) return unknownNameId(args, unknownArg);
      const { prefix, type, names } = typeAndNames('resourceId', args);
      let sub = ctx.deployment.subscriptionId;
      let rg = ctx.deployment.resourceGroup;
      if (prefix.length === 2) [sub, rg] = prefix;
      else if (prefix.length === 1) {
        if (GUID.test(prefix[0])) sub = prefix[0];
        else rg = prefix[0];
      }
      const scope = ctx.deployment.scope;
      if (prefix.length === 0 && (scope === 'subscription' || scope === 'tenant' || scope === 'managementGroup')) {
        const id = resourceIdAt(scope === 'subscription' ? `/subscriptions/${idSegment(sub, 'subscription')}` : '', type, names.join('/'));
        return scope === 'subscription' && isUnknown(sub) ? unknownId(sub, id) : id;
      }
      // In a nested deployment into a group or subscription named only at deployment, the id is unknown.
      const id = resourceIdAt(`/subscriptions/${idSegment(sub, 'subscription')}/resourceGroups/${idSegment(rg, 'resource group')}`, type, names.join('/'));
      const unknown = isUnknown(sub) ? sub : isUnknown(rg) ? rg : undefined;
      return unknown ? unknownId(unknown, id) : id;
    },
  },
  subscriptionresourceid: {
    acceptsUnknown: true,
    evaluate(args, ctx) {
      const unknownArg = args.find(isUnknown);
      if (unknownArg) return unknownNameId(args, unknownArg);
      const { prefix, type, names } = typeAndNames('subscriptionResourceId', args);
      const sub = prefix[0] ?? ctx.deployment.subscriptionId;
      const id = resourceIdAt(`/subscriptions/${idSegment(sub, 'subscription')}`, type, names.join('/'));
      return isUnknown(sub) ? unknownId(sub, id) : id;
    },
  },
  tenantresourceid: {
    evaluate(args) {
      const { type, names } = typeAndNames('tenantResourceId', args);
      return resourceIdAt('', type, names.join('/'));
    },
  },
  extensionresourceid: {
    acceptsUnknown: true,
    evaluate(args) {
      const [scope, ...rest] = args;
      // A scope in a group or subscription known only at deployment still names its resource.
      const spelled = spelledOutId(scope);
      const unknown = args.find((a, i) => isUnknown(a) && !(i === 0 && spelled !== undefined));
      if (unknown) return unknown;
      const { type, names } = typeAndNames('extensionResourceId', rest);
      if (spelled !== undefined) return unknownId(scope as Unknown, resourceIdAt(spelled, type, names.join('/')));
      return resourceIdAt(str('extensionResourceId', scope), type, names.join('/'));
    },
  },
  managementgroupresourceid: {
    evaluate(args, ctx) {
      const { prefix, type, names } = typeAndNames('managementGroupResourceId', args);
      const mg = prefix[0] ?? ctx.deployment.managementGroup;
      return resourceIdAt(`/providers/Microsoft.Management/managementGroups/${mg}`, type, names.join('/'));
    },
  },
  reference: {
    acceptsUnknown: true,
    evaluate: (args) => new Unknown(`reference(${describeTarget(args[0])}) reads the deployed resource's state`, 'reference'),
  },
  references: {
    acceptsUnknown: true,
    evaluate: () => new Unknown("references() reads the deployed resources' state", 'references'),
  },
  providers: { acceptsUnknown: true, evaluate: () => new Unknown('providers() reads the resource provider registry', 'providers') },
  tologicalzone: zoneMapping('toLogicalZone'),
  tologicalzones: zoneMapping('toLogicalZones'),
  tophysicalzone: zoneMapping('toPhysicalZone'),
  tophysicalzones: zoneMapping('toPhysicalZones'),
  pickzones: { acceptsUnknown: true, evaluate: () => new Unknown('pickZones() depends on the region\'s zone support', 'pickZones') },
  environment: {
    evaluate: () => ({
      name: 'AzureCloud',
      gallery: 'https://gallery.azure.com/',
      graph: 'https://graph.windows.net/',
      portal: 'https://portal.azure.com',
      resourceManager: 'https://management.azure.com/',
      authentication: { loginEndpoint: 'https://login.microsoftonline.com/', audiences: ['https://management.core.windows.net/', 'https://management.azure.com/'], tenant: 'common', identityProvider: 'AAD' },
      suffixes: { acrLoginServer: '.azurecr.io', azureDatalakeAnalyticsCatalogAndJob: 'azuredatalakeanalytics.net', azureDatalakeStoreFileSystem: 'azuredatalakestore.net', azureFrontDoorEndpointSuffix: 'azurefd.net', keyvaultDns: '.vault.azure.net', sqlServerHostname: '.database.windows.net', storage: 'core.windows.net' },
    }),
  },
};

function zoneMapping(name: string) {
  return { acceptsUnknown: true, evaluate: (): Value => new Unknown(`${name}() depends on the subscription's zone mapping, only known in Azure`, name) };
}

function describeTarget(v: Value | undefined): string {
  return typeof v === 'string' ? `'${v}'` : '…';
}

/** `listKeys`, `listSecrets`, `listAccountSas`…: secrets and runtime state, never known offline. `name` as the template spells it. */
export function listFunction(name: string): Value {
  return new Unknown(`${name}() returns runtime values (keys, secrets) that are only known in Azure`, name);
}
