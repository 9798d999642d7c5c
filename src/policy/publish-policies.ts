// `azready policy publish`: creates or updates the exported definitions and initiative at a
// subscription or management group, idempotently: what exists and matches is left unchanged.
import type { PolicyClient } from '@azure/arm-policy';
import { loadPolicyFiles } from './read-export.js';
import { SCOPE_PLACEHOLDER, type PolicyFile } from './export-rules.js';
import { scopeId, type PolicyScope } from './policy-client.js';

export type PublishStatus = 'created' | 'updated' | 'unchanged';

export interface PublishItem {
  kind: 'definition' | 'initiative';
  name: string;
  status: PublishStatus;
}

const COMPARED = {
  definition: ['displayName', 'description', 'mode', 'parameters', 'policyRule', 'metadata.category', 'metadata.version', 'metadata.azready'],
  initiative: ['displayName', 'description', 'parameters', 'policyDefinitions', 'policyDefinitionGroups', 'metadata.category', 'metadata.version'],
};

export async function publishPolicies(client: PolicyClient, scope: PolicyScope, dir: string, whatIf = false): Promise<PublishItem[]> {
  const { definitions, initiatives } = loadPolicyFiles(dir);
  const prefix = scopeId(scope);
  const items: PublishItem[] = [];
  for (const file of definitions) items.push(await publishOne(client, scope, 'definition', withScope(file, prefix), whatIf));
  for (const file of initiatives) items.push(await publishOne(client, scope, 'initiative', withScope(file, prefix), whatIf));
  return items;
}

function withScope(file: PolicyFile, prefix: string): PolicyFile {
  return JSON.parse(JSON.stringify(file).split(SCOPE_PLACEHOLDER).join(prefix)) as PolicyFile;
}

async function publishOne(client: PolicyClient, scope: PolicyScope, kind: PublishItem['kind'], file: PolicyFile, whatIf: boolean): Promise<PublishItem> {
  const ops = kind === 'definition' ? client.policyDefinitions : client.policySetDefinitions;
  let existing: Record<string, unknown> | undefined;
  try {
    existing = ('subscription' in scope ? await ops.get(file.name) : await ops.getAtManagementGroup(scope.managementGroup, file.name)) as unknown as Record<string, unknown>;
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode !== 404) throw e;
  }
  const status: PublishStatus = !existing ? 'created' : same(existing, file.properties, COMPARED[kind]) ? 'unchanged' : 'updated';
  if (status !== 'unchanged' && !whatIf) {
    const body = file.properties as never;
    if ('subscription' in scope) await (ops.createOrUpdate as (n: string, b: never) => Promise<unknown>)(file.name, body);
    else await (ops.createOrUpdateAtManagementGroup as (m: string, n: string, b: never) => Promise<unknown>)(scope.managementGroup, file.name, body);
  }
  return { kind, name: file.name, status };
}

function same(existing: Record<string, unknown>, wanted: Record<string, unknown>, keys: string[]): boolean {
  return keys.every((k) => canonical(get(existing, k)) === canonical(get(wanted, k)));
}

function get(o: Record<string, unknown>, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), o);
}

/** The SDK's deserializer adds `additionalProperties: {}` to parameter metadata: not a difference. */
function isEmptyObject(v: unknown): boolean {
  return !!v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0;
}

function canonical(v: unknown): string {
  if (v === undefined || v === null) return 'null';
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (typeof v === 'object') return `{${Object.keys(v as object).filter((k) => (v as Record<string, unknown>)[k] !== undefined && !(k === 'additionalProperties' && isEmptyObject((v as Record<string, unknown>)[k]))).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v);
}
