import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/core/diagnostic.js';
import { loadRulePacks } from '../../src/rules/load-rules.js';

const VALID = `id: storage/min-tls
title: Storage accounts require TLS 1.2
pillar: security
severity: high
resourceType: Microsoft.Storage/storageAccounts
expect:
  field: properties.minimumTlsVersion
  in: [TLS1_2, TLS1_3]
rationale: Old TLS versions are weak.
remediation:
  text: Set minimumTlsVersion to TLS1_2.
references: []
frameworks: {}
tags: [baseline]
`;

function pack(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'azready-pack-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

describe('loadRulePacks', () => {
  it('loads a valid rule', () => {
    const dir = pack({ 'storage/min-tls.yaml': VALID });
    const { rules, diagnostics } = loadRulePacks([dir]);
    expect(diagnostics).toEqual([]);
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({ id: 'storage/min-tls', pillar: 'security', severity: 'high', scope: 'resource', resourceTypes: ['Microsoft.Storage/storageAccounts'] });
  });

  it('reports a wrong operand type at the line and column of the key', () => {
    const dir = pack({ 'storage/min-tls.yaml': VALID.replace('in: [TLS1_2, TLS1_3]', 'in: TLS1_2') });
    const { rules, diagnostics } = loadRulePacks([dir]);
    expect(rules).toEqual([]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'rules/schema', severity: 'error', message: 'expect.in must be a list' });
    expect(diagnostics[0].location).toMatchObject({ startLine: 8, startColumn: 3 });
    expect(formatDiagnostic(diagnostics[0])).toBe(`${path.join(dir, 'storage/min-tls.yaml')}:8:3 error rules/schema: expect.in must be a list`);
  });

  it('reports an unknown pillar with the allowed values', () => {
    const dir = pack({ 'storage/min-tls.yaml': VALID.replace('pillar: security', 'pillar: safety') });
    const { diagnostics } = loadRulePacks([dir]);
    expect(diagnostics[0].message).toBe('pillar must be one of "security", "reliability", "cost", "disaster-recovery", "operations"');
    expect(diagnostics[0].location).toMatchObject({ startLine: 3, startColumn: 1 });
  });

  it('reports a missing required property at the document', () => {
    const dir = pack({ 'storage/min-tls.yaml': VALID.replace(/rationale:.*\n/, '') });
    const { diagnostics } = loadRulePacks([dir]);
    expect(diagnostics.map((d) => d.message)).toContain("the document is missing the required property 'rationale'");
  });

  it('reports an unknown operator inside a nested condition, at its key', () => {
    const dir = pack({
      'storage/min-tls.yaml': VALID.replace('  field: properties.minimumTlsVersion\n  in: [TLS1_2, TLS1_3]', '  allOf:\n    - field: kind\n      equalz: StorageV2'),
    });
    const { diagnostics } = loadRulePacks([dir]);
    expect(diagnostics[0].message).toBe("expect.allOf.0 has an unknown property 'equalz'");
    expect(diagnostics[0].location).toMatchObject({ startLine: 9, startColumn: 7 });
  });

  it('reports YAML syntax errors with their position', () => {
    const dir = pack({ 'storage/min-tls.yaml': 'id: storage/min-tls\ntitle: [unclosed\n' });
    const { diagnostics } = loadRulePacks([dir]);
    expect(diagnostics[0].code).toBe('rules/yaml-syntax');
    expect(diagnostics[0].location?.startLine).toBeGreaterThanOrEqual(2);
  });

  it('requires the id to match the file path', () => {
    const dir = pack({ 'storage/tls.yaml': VALID });
    const { diagnostics } = loadRulePacks([dir]);
    expect(diagnostics[0]).toMatchObject({ code: 'rules/id-mismatch', location: { startLine: 1, startColumn: 1 } });
  });

  it('rejects duplicate ids across packs and a missing pack folder', () => {
    const a = pack({ 'storage/min-tls.yaml': VALID });
    const b = pack({ 'storage/min-tls.yaml': VALID });
    const { diagnostics } = loadRulePacks([a, b, path.join(a, 'nope')]);
    expect(diagnostics.map((d) => d.code)).toEqual(['rules/duplicate-id', 'rules/pack-not-found']);
  });

  it('rejects a pack folder that holds no rule (a wrong folder would otherwise run nothing, unseen)', () => {
    const empty = pack({});
    const { rules, diagnostics } = loadRulePacks([empty]);
    expect(rules).toEqual([]);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'rules/pack-empty', severity: 'error', message: expect.stringContaining('holds no rule') })]);
  });

  it('rejects a malformed field path at load time', () => {
    const dir = pack({ 'storage/min-tls.yaml': VALID.replace('field: properties.minimumTlsVersion', "field: properties.rules['x") });
    const { diagnostics } = loadRulePacks([dir]);
    expect(diagnostics[0]).toMatchObject({ code: 'rules/invalid-field', location: { startLine: 7 } });
  });

  it('requires resourceType except on set-level rules', () => {
    const dir = pack({
      'storage/min-tls.yaml': VALID.replace(/resourceType:.*\n/, ''),
      'general/set.yaml': VALID.replace('id: storage/min-tls', 'id: general/set').replace(/resourceType:.*\n/, 'scope: set\n').replace('  field: properties.minimumTlsVersion\n  in: [TLS1_2, TLS1_3]', '  count: { resources: { type: Microsoft.Storage/storageAccounts } }\n  greaterOrEquals: 1'),
    });
    const { rules, diagnostics } = loadRulePacks([dir]);
    expect(rules.map((r) => r.id)).toEqual(['general/set']);
    expect(diagnostics.map((d) => d.message)).toContain("the document is missing the required property 'resourceType'");
  });
});
