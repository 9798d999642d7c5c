// Azure Policy documents as azready reads them: definitions, initiatives (set definitions) and
// assignments, normalized from the built-in file shape `{properties, id, name}` or the SDK's flat shape.
import type { Condition } from '../engine/condition.js';

export interface PolicyParameterDef {
  type?: string;
  defaultValue?: unknown;
  allowedValues?: unknown[];
  metadata?: Record<string, unknown>;
}

export interface PolicyDefinition {
  kind: 'definition';
  id: string;
  name: string;
  displayName: string;
  description?: string;
  /** `all`, `indexed` or a resource provider mode; lower-cased. */
  mode: string;
  policyType?: string;
  category?: string;
  version?: string;
  metadata: Record<string, unknown>;
  parameters: Record<string, PolicyParameterDef>;
  policyRule: { if: Condition; then: { effect: string; details?: PolicyDetails } };
  file: string;
}

export interface PolicyDetails {
  type?: string;
  name?: string;
  existenceCondition?: Condition;
  existenceScope?: string;
  resourceGroupName?: string;
  [key: string]: unknown;
}

export interface PolicySetMember {
  policyDefinitionId: string;
  policyDefinitionReferenceId?: string;
  parameters: Record<string, { value: unknown }>;
  groupNames?: string[];
}

export interface PolicySetDefinition {
  kind: 'set';
  id: string;
  name: string;
  displayName: string;
  description?: string;
  category?: string;
  metadata: Record<string, unknown>;
  parameters: Record<string, PolicyParameterDef>;
  members: PolicySetMember[];
  groups: { name: string; displayName?: string; category?: string }[];
  file: string;
}

export interface PolicyAssignment {
  kind: 'assignment';
  id: string;
  name: string;
  displayName?: string;
  policyDefinitionId: string;
  parameters: Record<string, { value: unknown }>;
  enforcementMode?: string;
  notScopes: string[];
  file: string;
}

export type PolicyDocument = PolicyDefinition | PolicySetDefinition | PolicyAssignment;

/** The last segment of a policy id, lower-cased: definitions are matched by name within a bundle. */
export function policyKey(id: string): string {
  return (id.split('/').pop() ?? id).toLowerCase();
}
