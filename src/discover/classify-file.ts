// Decides what a JSON file is by its content, not its name: an ARM template, a parameters file, a
// Resource Graph snapshot, or something azready does not read.
import { member, type JsonDocument, type JsonNode } from '../arm/json-document.js';

export type FileKind = 'arm-template' | 'arm-parameters' | 'resource-graph-snapshot' | 'other-json';

export function classifyDocument(doc: JsonDocument): FileKind {
  const schema = member(doc.root, '$schema')?.value;
  if (typeof schema === 'string') {
    if (/deploymentTemplate\.json/i.test(schema)) return 'arm-template';
    if (/deploymentParameters\.json/i.test(schema)) return 'arm-parameters';
  }
  // One resource as an object: `az resource show`, or PowerShell writing a single result.
  if (isResourceObject(doc.root)) return 'resource-graph-snapshot';
  const rows = doc.root?.type === 'array' ? doc.root : member(doc.root, 'data');
  if (rows?.type !== 'array') return 'other-json';
  const children = rows.children ?? [];
  if (children.length === 0) return rows === doc.root ? 'other-json' : 'resource-graph-snapshot';
  const looksLikeRow = children.slice(0, 20).every((r) => typeof member(r, 'id')?.value === 'string' && typeof member(r, 'type')?.value === 'string');
  return looksLikeRow ? 'resource-graph-snapshot' : 'other-json';
}

/** An object with a resource id (`/subscriptions/…`, `/providers/…`) and a namespaced type. */
export function isResourceObject(node: JsonNode | undefined): boolean {
  if (node?.type !== 'object') return false;
  const id = member(node, 'resourceId')?.value ?? member(node, 'id')?.value;
  const type = member(node, 'type')?.value ?? member(node, 'resourceType')?.value;
  return typeof id === 'string' && /^\/(subscriptions|providers)\//i.test(id) && typeof type === 'string' && type.includes('/');
}
