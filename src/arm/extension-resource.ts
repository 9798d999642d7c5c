// Resources of non-Azure extensions (Microsoft Graph, Kubernetes, local-deploy) in a symbolic-name
// template: the type carries the version (`Microsoft.Graph/applications@v1.0`) and there is no ARM
// name; the extension's own key names the resource (Graph: `uniqueName`, `appId`; Kubernetes:
// `metadata.name`), else its symbolic name. Their ids are tenant-style, outside any resource group.
import { member, type JsonNode } from './json-document.js';

/** The properties extensions key their resources by, in the order they are tried. */
const KEY_PATHS = [['name'], ['uniqueName'], ['metadata', 'name'], ['appId'], ['userPrincipalName']];

export interface ExtensionResource {
  type: string;
  apiVersion?: string;
  /** The node holding the resource's key, when it has one. */
  nameNode?: JsonNode;
}

/**
 * The identity of a non-Azure extension resource; undefined for an Azure resource. A child resource
 * (relative type) is never one: ARM child types have no namespace of their own.
 */
export function extensionResource(node: JsonNode, type: string): ExtensionResource | undefined {
  const at = type.indexOf('@');
  // `"extension": "az"` declares an Azure resource explicitly.
  const alias = member(node, 'extension')?.value ?? member(node, 'import')?.value;
  const declared = alias !== undefined && String(alias).toLowerCase() !== 'az';
  if (at < 0 && !declared && type.includes('/')) return undefined;
  const out: ExtensionResource = at < 0 ? { type } : { type: type.slice(0, at), apiVersion: type.slice(at + 1) };
  const nameNode = member(node, 'name') ?? keyNode(member(node, 'properties'));
  if (nameNode) out.nameNode = nameNode;
  return out;
}

/**
 * The first of KEY_PATHS present under `props`. Apart from extensionResource(): its closures would
 * make every call of that function (one per resource) allocate their context.
 */
function keyNode(props: JsonNode | undefined): JsonNode | undefined {
  return KEY_PATHS.map((p) => p.reduce<JsonNode | undefined>((n, k) => member(n, k), props)).find((n) => n !== undefined);
}

/** A tenant-style id: `/providers/<type>/<name>`, children nested as ARM nests them. */
export function extensionResourceId(type: string, name: string): string {
  const types = type.split('/');
  const names = name.split('/');
  let id = `/providers/${types[0]}`;
  if (types.length === 1) return `${id}/${name}`;
  types.slice(1).forEach((t, i) => {
    id += `/${t}/${names[i] ?? ''}`;
  });
  return id;
}
