// Azure Policy aliases → ARM paths. Most follow the mechanical rule `<type>/<rest>` →
// `properties.<rest>` (root fields stay at the root); the exceptions Azure documents are a table,
// and the bundled alias table (src/policy/aliases/) gives the paths of the aliases it knows.
import { aliasTablePath } from '../policy/alias-table.js';

const ROOT_FIELDS = /^(sku|kind|identity|tags|zones|location|plan|name|type|id|extendedLocation)(\.|\[|$)/i;

/** Aliases whose path differs from the mechanical mapping (lower-cased alias → path). */
const EXCEPTIONS = new Map<string, string>(
  Object.entries({
    'microsoft.storage/storageaccounts/enableblobencryption': 'properties.encryption.services.blob.enabled',
    'microsoft.storage/storageaccounts/enablefileencryption': 'properties.encryption.services.file.enabled',
    'microsoft.storage/storageaccounts/accounttype': 'sku.name',
    'microsoft.storage/storageaccounts/sku.name': 'sku.name',
    'microsoft.insights/diagnosticsettings/logs.enabled': 'properties.logs[*].enabled',
    'microsoft.insights/diagnosticsettings/logs.category': 'properties.logs[*].category',
    'microsoft.insights/diagnosticsettings/metrics.enabled': 'properties.metrics[*].enabled',
    'microsoft.compute/virtualmachines/sku.name': 'properties.hardwareProfile.vmSize',
    'microsoft.compute/imagepublisher': 'properties.storageProfile.imageReference.publisher',
    'microsoft.compute/imageoffer': 'properties.storageProfile.imageReference.offer',
    'microsoft.compute/imagesku': 'properties.storageProfile.imageReference.sku',
    'microsoft.compute/imageid': 'properties.storageProfile.imageReference.id',
    'microsoft.compute/licensetype': 'properties.licenseType',
  }),
);

/**
 * Arrays of sub-resources hide the element's `properties` in the alias:
 * `…/securityRules[*].access` is `properties.securityRules[*].properties.access`.
 */
const SUB_RESOURCE_ARRAYS = new Set([
  'securityrules', 'privateendpointconnections', 'subnets', 'ipconfigurations', 'frontendipconfigurations',
  'backendaddresspools', 'loadbalancingrules', 'probes', 'inboundnatrules', 'virtualnetworkpeerings',
  'privatelinkserviceconnections', 'manualprivatelinkserviceconnections', 'routes',
]);
const ELEMENT_MEMBERS = new Set(['name', 'id', 'type', 'etag']);

/** Is this field an alias (`Namespace/type/…`) rather than an ARM path? */
export function isAlias(field: string): boolean {
  return /^[A-Za-z0-9]+\.[A-Za-z0-9.]+\//.test(field);
}

/**
 * The ARM path of `alias` on a resource of `resourceType`, or undefined when the alias names
 * another type (the condition then selects nothing, as in Azure Policy).
 */
export function aliasToPath(alias: string, resourceType: string): string | undefined {
  const typePrefix = resourceType.toLowerCase() + '/';
  const lower = alias.toLowerCase();
  // The documented exceptions win (their paths are for current api-versions; a dump's defaultPath may be older).
  const known = EXCEPTIONS.has(lower) ? undefined : aliasTablePath(lower);
  if (typeof known === 'string' && lower.startsWith(typePrefix) && !lower.slice(typePrefix.length).includes('/')) return known;
  return mechanicalAliasPath(alias, resourceType);
}

/** The path by the mechanical rule and the documented exceptions only (what the alias generator starts from). */
export function mechanicalAliasPath(alias: string, resourceType: string): string | undefined {
  const lower = alias.toLowerCase();
  const typePrefix = resourceType.toLowerCase() + '/';
  const exception = EXCEPTIONS.get(lower);
  // `Ns/type/x` exceptions belong to that type; namespace-level ones (`Ns/x`) are shared.
  if (exception && (lower.split('/').length === 2 || lower.startsWith(typePrefix))) return exception;
  if (!lower.startsWith(typePrefix)) return undefined;
  const rest = alias.slice(typePrefix.length);
  // `storageAccounts/blobServices/x` on a storage account names the child type, not this one.
  if (rest.includes('/')) return undefined;
  if (ROOT_FIELDS.test(rest)) return rest;
  return 'properties.' + hideElementProperties(rest);
}

function hideElementProperties(rest: string): string {
  return rest.replace(/([A-Za-z0-9]+)\[\*\]\.([A-Za-z0-9]+)/g, (m, arr: string, next: string) =>
    SUB_RESOURCE_ARRAYS.has(arr.toLowerCase()) && !ELEMENT_MEMBERS.has(next.toLowerCase()) ? `${arr}[*].properties.${next}` : m,
  );
}
