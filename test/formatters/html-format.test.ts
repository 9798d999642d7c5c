import { describe, expect, it } from 'vitest';
import { TEXT_PAIRS } from '../../src/formatters/html-assets.js';
import { formatHtml } from '../../src/formatters/html-format.js';
import { nextFixes } from '../../src/formatters/next-fixes.js';
import { e2eReport, hostileReport } from './fixed-report.js';

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('html format', () => {
  it('is one self-contained page: no external resource, a CSP that forbids loading any', () => {
    const html = formatHtml(e2eReport('mixed'), { cwd: process.cwd() });
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;/);
    expect(html).not.toMatch(/<(link|iframe|object|embed|img)\b/i);
    expect(html).not.toMatch(/\b(src|srcset|poster|data)=["']?(https?:|\/\/)/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).not.toMatch(/@import/i);
    expect(html.match(/<script>/g)?.length).toBe(1);
    expect(html.match(/<svg /g)?.length).toBe(2);
  });

  it('escapes every piece of report data', () => {
    const html = formatHtml(hostileReport());
    expect(html.match(/<script>/g)?.length).toBe(1);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('</pre><script');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;&amp;');
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain('<a href="https://example.com/?a=1&amp;b=&quot;x&quot;" rel="noreferrer noopener">');
  });

  it('shows evidence, remediation with the Bicep snippet, rationale and references for a finding', () => {
    const html = formatHtml(e2eReport(), { cwd: process.cwd() });
    const tls = html.slice(html.indexOf('data-pillar="security" data-severity="high" data-outcome="fail"'));
    const article = tls.slice(0, tls.indexOf('</article>'));
    expect(article).toContain('<code>properties.minimumTlsVersion</code> = <code>TLS1_0</code>');
    expect(article).toContain('<code>test/fixtures/e2e/inputs/storage.json:18:9</code>');
    expect(article).toContain('<pre aria-label="Bicep example"><code>properties: { minimumTlsVersion: &#39;TLS1_2&#39; }</code></pre>');
    expect(article).toContain('Clients on TLS 1.0 and 1.1 use ciphers with known weaknesses.');
    expect(article).toContain('href="https://learn.microsoft.com/azure/storage/common/transport-layer-security-configure-minimum-version"');
  });

  it('uses text colours with a contrast of at least 4.5:1', () => {
    for (const [fg, bg] of TEXT_PAIRS) expect(contrast(fg, bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
  });
});

describe('next three fixes', () => {
  it('ranks failed results by rule weight × pillar weight, with the points each adds', () => {
    const fixes = nextFixes(e2eReport());
    // public-blob: critical (10) × security (2); tls: high (5) × 2; diagnostics: medium (3) × operations (1).
    expect(fixes.map((f) => [f.result.ruleId, f.result.resource.name, f.priority])).toEqual([
      ['e2e/public-blob', 'contosologs', 20],
      ['e2e/tls', 'contosolake', 10],
      ['e2e/tls', 'contosologs', 10],
    ]);
    // Fixing contosologs' public access: rule 3/4 → 4/4, security (10·0.75 + 5·0.25)/15 → (10 + 1.25)/15,
    // overall weighted 2:1 with operations: +2 × (10/4/15) / 3 × 100 = +11.1 points.
    expect(fixes[0].gain).toBe(11.1);
    expect(fixes[1].gain).toBe(5.6);
  });

  it('suggests nothing when nothing failed', () => {
    const r = e2eReport();
    r.results = r.results.filter((x) => x.outcome !== 'fail');
    expect(nextFixes(r)).toEqual([]);
    expect(formatHtml(r)).toContain('Nothing failed, so there is nothing to fix first.');
  });
});
