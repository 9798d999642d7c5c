// `azready policy pull`: the assignments of a subscription or management group, and the definitions
// and initiatives they use (built-in and custom), written as files `--policy` reads.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PolicyClient } from '@azure/arm-policy';
import { toPolicyFile, type PolicyScope } from './policy-client.js';

export interface PullSummary {
  assignments: number;
  definitions: number;
  initiatives: number;
  files: string[];
  problems: string[];
}

type Model = Record<string, unknown>;

export async function pullPolicies(client: PolicyClient, scope: PolicyScope, outDir: string): Promise<PullSummary> {
  const summary: PullSummary = { assignments: 0, definitions: 0, initiatives: 0, files: [], problems: [] };
  const assignments: Model[] = [];
  const iter = 'subscription' in scope ? client.policyAssignments.list() : client.policyAssignments.listForManagementGroup(scope.managementGroup);
  for await (const a of iter) assignments.push(a as unknown as Model);
  const write = (folder: string, model: Model) => {
    const file = path.join(outDir, folder, `${safe(String(model.name))}.json`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(toPolicyFile(model), null, 2) + '\n');
    summary.files.push(file);
  };
  const seen = new Set<string>();
  const fetchDefinition = async (id: string) => {
    if (seen.has(id.toLowerCase())) return;
    seen.add(id.toLowerCase());
    try {
      const model = (await getById(client, id, 'policyDefinitions')) as Model;
      write('definitions', model);
      summary.definitions++;
    } catch (e) {
      summary.problems.push(`${id}: ${(e as Error).message}`);
    }
  };
  for (const a of assignments) {
    write('assignments', a);
    summary.assignments++;
    const id = String(a.policyDefinitionId ?? '');
    if (/\/policySetDefinitions\//i.test(id)) {
      if (seen.has(id.toLowerCase())) continue;
      seen.add(id.toLowerCase());
      try {
        const set = (await getById(client, id, 'policySetDefinitions')) as Model;
        write('initiatives', set);
        summary.initiatives++;
        for (const m of (set.policyDefinitions as { policyDefinitionId: string }[] | undefined) ?? []) await fetchDefinition(m.policyDefinitionId);
      } catch (e) {
        summary.problems.push(`${id}: ${(e as Error).message}`);
      }
    } else if (id) await fetchDefinition(id);
  }
  return summary;
}

/** GET a definition or initiative by id: built-in, management group or subscription scope. */
async function getById(client: PolicyClient, id: string, kind: 'policyDefinitions' | 'policySetDefinitions'): Promise<unknown> {
  const name = id.split('/').pop() ?? id;
  const ops = client[kind];
  const mg = /^\/providers\/Microsoft\.Management\/managementGroups\/([^/]+)\//i.exec(id);
  if (mg) return ops.getAtManagementGroup(mg[1], name);
  if (/^\/providers\/Microsoft\.Authorization\//i.test(id)) return ops.getBuiltIn(name);
  return ops.get(name);
}

function safe(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-');
}
