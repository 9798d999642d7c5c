// Types of fake-arm-server.js (a plain ESM module so that the benchmark can use it too).
export interface FakeArmRequest {
  /** Arrival time (ms since the epoch). */
  at: number;
  method: string;
  path: string;
  query: Record<string, string>;
  authorization?: string;
  body?: { query?: string; subscriptions?: string[]; managementGroups?: string[]; options?: Record<string, unknown> };
}

export interface FakeArmOptions {
  rows?: Record<string, unknown>[];
  managementGroups?: Record<string, string[]>;
  deniedSubscriptions?: string[];
  deniedArmPaths?: string[];
  quota?: { limit: number; windowMs: number };
  faults?: { target: 'arg' | 'arm'; at: number; status: number; headers?: Record<string, string>; body?: unknown }[];
  armPageSize?: number;
  maxPayloadRows?: number;
}

export interface FakeArm {
  url: string;
  port: number;
  state: { requests: FakeArmRequest[]; counts: { arg: number; arm: number }; throttled: number };
  readonly requests: FakeArmRequest[];
  close(): Promise<void>;
}

export const NOT_IN_RESOURCE_GRAPH: Set<string>;
export function startFakeArm(options?: FakeArmOptions): Promise<FakeArm>;
export function syntheticRows(count: number, subscriptions?: number): Record<string, unknown>[];
