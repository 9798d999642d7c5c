import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { FINGERPRINT_KEY, formatSarif } from '../../src/formatters/sarif-format.js';
import { baselineReport, e2eReport, liveReport } from './fixed-report.js';

// The official OASIS schema is draft-04. ajv 8 (draft-07 rules) reads it once its `$schema` (a
// meta-schema ajv 8 does not bundle) is dropped and its root `id` becomes `$id`; the keywords it
// uses mean the same in both drafts, and all of its $refs are local (`#/definitions/...`).
const official = JSON.parse(readFileSync(path.join('reports', 'schema', 'sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
delete official.$schema;
official.$id = official.id;
delete official.id;
const validate = new Ajv({ strict: false, validateFormats: false, allErrors: true }).compile(official);

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation?: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> }; logicalLocations: { fullyQualifiedName: string; kind: string }[] }[];
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: string; justification?: string }[];
  properties: { outcome: string };
}
interface SarifRule {
  id: string;
  help: { text: string; markdown: string };
  properties: { 'security-severity': string; tags: string[] };
  [key: string]: unknown;
}
interface SarifLog {
  version: string;
  runs: { tool: { driver: { name: string; version: string; informationUri: string; rules: SarifRule[] } }; results: SarifResult[] }[];
}

function sarif(report = e2eReport()): SarifLog {
  const log = JSON.parse(formatSarif(report, { cwd: process.cwd() })) as SarifLog;
  expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
  return log;
}

describe('sarif format', () => {
  it('is valid SARIF 2.1.0 with a rules table', () => {
    const log = sarif();
    expect(log.version).toBe('2.1.0');
    const driver = log.runs[0].tool.driver;
    expect(driver).toMatchObject({ name: 'azready', version: '0.0.0-test', informationUri: expect.stringMatching(/^https:/) });
    const tls = driver.rules.find((r) => r.id === 'e2e/tls');
    expect(tls).toMatchObject({
      name: 'E2eTls',
      shortDescription: { text: 'Storage accounts require TLS 1.2 or newer' },
      fullDescription: { text: 'Clients on TLS 1.0 and 1.1 use ciphers with known weaknesses.' },
      defaultConfiguration: { level: 'error' },
      properties: { 'security-severity': '7.0', tags: expect.arrayContaining(['security', 'high', 'mcsb/DP-3']) },
      helpUri: 'https://learn.microsoft.com/azure/storage/common/transport-layer-security-configure-minimum-version',
    });
    expect(tls?.help.text).toContain("Set properties.minimumTlsVersion to 'TLS1_2'.");
    expect(tls?.help.markdown).toContain("```bicep\nproperties: { minimumTlsVersion: 'TLS1_2' }\n```");
    const severities = Object.fromEntries(driver.rules.map((r) => [r.id, r.properties['security-severity']]));
    expect(severities).toMatchObject({ 'e2e/public-blob': '9.0', 'e2e/tls': '7.0', 'e2e/diagnostics': '5.0' });
  });

  it('holds only failed, unverified and suppressed results, located in the file', () => {
    const log = sarif(e2eReport('mixed'));
    const results = log.runs[0].results;
    expect(results.map((r) => r.properties.outcome).sort()).toEqual(['fail', 'fail', 'fail', 'fail', 'fail', 'fail', 'suppressed', 'unknown']);
    const rules = log.runs[0].tool.driver.rules;
    for (const r of results) expect(rules[r.ruleIndex].id).toBe(r.ruleId);
    const tls = results.find((r) => r.ruleId === 'e2e/tls' && r.message.text.includes('contosolake'));
    expect(tls).toMatchObject({
      level: 'error',
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: 'test/fixtures/e2e/inputs/storage.json', uriBaseId: '%SRCROOT%' }, region: { startLine: 18, startColumn: 9 } },
          logicalLocations: [{ kind: 'resource', fullyQualifiedName: expect.stringMatching(/storageAccounts\/contosolake$/) }],
        },
      ],
    });
    expect(results.find((r) => r.ruleId === 'e2e/diagnostics' && r.properties.outcome === 'fail')?.level).toBe('warning');
    expect(results.find((r) => r.properties.outcome === 'unknown')).toMatchObject({ level: 'note', message: { text: expect.stringContaining("reference('law')") } });
    expect(results.find((r) => r.properties.outcome === 'suppressed')?.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'accepted risk: logs go to Splunk (ticket OPS-42)' }]);
  });

  it('fingerprints findings stably by rule, resource and evidence path', () => {
    const a = sarif().runs[0].results;
    const moved = e2eReport();
    for (const r of moved.results) if (r.location) r.location = { ...r.location, startLine: r.location.startLine + 40, endLine: r.location.endLine + 40 };
    const b = sarif(moved).runs[0].results;
    expect(b.map((r) => r.partialFingerprints[FINGERPRINT_KEY])).toEqual(a.map((r) => r.partialFingerprints[FINGERPRINT_KEY]));
    expect(new Set(a.map((r) => r.partialFingerprints[FINGERPRINT_KEY])).size).toBe(a.length);
  });

  it('tells apart the same resource id declared in two files', () => {
    const report = e2eReport();
    const first = report.results.find((r) => r.outcome === 'fail' && r.location)!;
    const copy = { ...first, location: { ...first.location!, file: first.location!.file.replace(/([^/]+)$/, 'copy-$1') } };
    report.results = [first, copy];
    const [a, b] = sarif(report).runs[0].results;
    expect(a.partialFingerprints[FINGERPRINT_KEY]).not.toBe(b.partialFingerprints[FINGERPRINT_KEY]);
  });

  it('puts a finding about the whole deployment on the first line of the scanned template, as GitHub needs a file', () => {
    const report = e2eReport();
    const first = report.results.find((r) => r.outcome === 'fail')!;
    const budget = { ...first, ruleId: 'e2e/budget', resource: { id: '/', type: 'azready/resourceSet', name: 'all resources' }, message: 'The deployment has no cost budget' };
    delete budget.location;
    report.inputs = [{ path: 'test/fixtures/e2e/inputs/nested/deep.json', kind: 'arm-template' }, ...report.inputs];
    report.results = [budget, ...report.results];
    const results = sarif(report).runs[0].results;
    expect(results.every((r) => r.locations[0].physicalLocation)).toBe(true);
    const located = results.find((r) => r.ruleId === 'e2e/budget')!;
    // The shallowest template, not the snapshot nor the parameters file beside it.
    expect(located.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'test/fixtures/e2e/inputs/storage.json', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } });
    expect(located.locations[0].logicalLocations[0]).toMatchObject({ name: 'all resources', fullyQualifiedName: '/' });
    // The file it was put in does not take part in the fingerprint: another entry file keeps the alert.
    report.inputs = report.inputs.filter((i) => !i.path.endsWith('storage.json'));
    const again = sarif(report).runs[0].results.find((r) => r.ruleId === 'e2e/budget')!;
    expect(again.locations[0].physicalLocation?.artifactLocation.uri).toBe('test/fixtures/e2e/inputs/nested/deep.json');
    expect(again.partialFingerprints).toEqual(located.partialFingerprints);
  });

  it('says which failures a --baseline already held (baselineState)', () => {
    const report = baselineReport();
    const results = sarif(report).runs[0].results as (SarifResult & { baselineState?: string })[];
    expect(results.map((r) => r.baselineState)).toEqual(['new', ...results.slice(1).map(() => 'unchanged')]);
    expect((sarif().runs[0].results as (SarifResult & { baselineState?: string })[]).every((r) => r.baselineState === undefined)).toBe(true);
  });

  it('locates live results by resource id only', () => {
    const results = sarif(liveReport()).runs[0].results;
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(r.locations[0].physicalLocation).toBeUndefined();
      expect(r.locations[0].logicalLocations[0]).toMatchObject({ kind: 'resource', fullyQualifiedName: expect.stringMatching(/^\/subscriptions\//) });
    }
  });
});
