import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { formatJunit } from '../../src/formatters/junit-format.js';
import { baselineReport, e2eReport } from './fixed-report.js';

interface Case { '@_classname': string; '@_name': string; failure?: { '@_message': string; '#text': string }; skipped?: { '@_message': string } }
interface Suite { '@_name': string; '@_tests': string; '@_failures': string; '@_skipped': string; testcase: Case[] }

function parse(xml: string): { '@_tests': string; '@_failures': string; '@_skipped': string; testsuite: Suite[] } {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, htmlEntities: true, isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(xml) as { testsuites: never };
  return doc.testsuites;
}

describe('junit format', () => {
  it('has one suite per pillar and one case per rule and resource, with matching counts', () => {
    const root = parse(formatJunit(e2eReport('mixed')));
    expect(root).toMatchObject({ '@_tests': '12', '@_failures': '6', '@_skipped': '2' });
    const suites = Object.fromEntries(root.testsuite.map((s) => [s['@_name'], s]));
    expect(Object.keys(suites)).toEqual(['security', 'operations']);
    for (const s of root.testsuite) {
      expect(s.testcase.length).toBe(Number(s['@_tests']));
      expect(s.testcase.filter((c) => c.failure).length).toBe(Number(s['@_failures']));
      expect(s.testcase.filter((c) => c.skipped).length).toBe(Number(s['@_skipped']));
    }
    const tls = suites.security.testcase.find((c) => c['@_classname'] === 'e2e/tls' && c['@_name'] === 'contosolake');
    expect(tls?.failure?.['@_message']).toContain('properties.minimumTlsVersion is "TLS1_0"');
    expect(tls?.failure?.['#text']).toContain('evidence: properties.minimumTlsVersion = TLS1_0');
    expect(tls?.failure?.['#text']).toContain('location: test/fixtures/e2e/inputs/storage.json:18:9');
    const skipped = suites.operations.testcase.filter((c) => c.skipped).map((c) => c.skipped?.['@_message']);
    expect(skipped).toEqual(expect.arrayContaining([expect.stringMatching(/^unverified: the workspace id/), expect.stringMatching(/^suppressed: accepted risk/)]));
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    const r = e2eReport();
    r.results[0] = { ...r.results[0], message: 'a <b> & "c" \u0001 ]]> end', resource: { ...r.results[0].resource, name: "o'neil<x>" } };
    const root = parse(formatJunit(r));
    const c = root.testsuite[0].testcase[0];
    expect(c['@_name']).toBe("o'neil<x>");
    expect(c.failure?.['#text']).toContain('a <b> & "c"  ]]> end');
  });

  it('says which failures a --baseline already held, so a tests tab full of failures beside a passing gate makes sense', () => {
    const r = baselineReport();
    const cases = parse(formatJunit(r)).testsuite.flatMap((s) => s.testcase).filter((c) => c.failure);
    const fresh = cases.filter((c) => c.failure?.['#text'].includes('baseline: new failure'));
    expect(fresh).toHaveLength(1);
    expect(fresh[0].failure?.['@_message']).not.toContain('already in the baseline');
    const known = cases.filter((c) => c !== fresh[0]);
    expect(known.length).toBeGreaterThan(0);
    for (const c of known) {
      expect(c.failure?.['@_message']).toMatch(/ \(already in the baseline\)$/);
      expect(c.failure?.['#text']).toContain('baseline: already in the baseline; does not fail the gate');
    }
  });
});
