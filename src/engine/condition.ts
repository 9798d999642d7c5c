// The shape of a condition in a rule (Azure Policy rule language plus azready's relations and
// set-level counts). Rules are validated against the JSON Schema before they reach the engine.
import type { Operator } from './operators.js';

export type RelationKind = 'child' | 'extension' | 'inheritedExtension' | 'referencedBy' | 'references';

export interface CountSpec {
  field?: string;
  value?: unknown;
  name?: string;
  related?: RelationKind;
  type?: string | string[];
  via?: string;
  resources?: { type?: string | string[]; where?: Condition };
  distinct?: { type?: string | string[]; field: string; where?: Condition };
  where?: Condition;
}

export type Condition = {
  allOf?: Condition[];
  anyOf?: Condition[];
  not?: Condition;
  field?: string;
  value?: unknown;
  count?: CountSpec;
} & Partial<Record<Operator, unknown>>;
