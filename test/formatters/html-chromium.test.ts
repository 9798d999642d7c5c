// The HTML report in real headless Chromium: no console error, no network request, filters that
// work with the mouse and the keyboard, everything shown without JavaScript, filters hidden in print.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHtml } from '../../src/formatters/html-format.js';
import { findChromium, Page } from './chromium.js';
import { hostileReport } from './fixed-report.js';

const chromium = findChromium();
if (!chromium) console.warn('html-chromium.test: no chromium on PATH (apt-get install chromium); skipped');

describe.skipIf(!chromium)('html report in headless Chromium', () => {
  let page: Page;
  let dir: string;
  let url: string;
  const visible = () => page.eval<number>(`document.querySelectorAll('[data-finding]:not([hidden])').length`);
  const count = () => page.eval<string>(`document.getElementById('filter-count').textContent`);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'azready-html-'));
    const file = path.join(dir, 'azready.html');
    writeFileSync(file, formatHtml(hostileReport(), { cwd: process.cwd() }));
    url = pathToFileURL(file).href;
    page = await Page.launch(chromium as string);
    await page.open(url);
  }, 60_000);

  afterAll(async () => {
    await page?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('loads without console errors or any request but the page itself', async () => {
    expect(await page.eval<string>('document.title')).toMatch(/^azready report: /);
    expect(page.consoleErrors).toEqual([]);
    expect(page.requests).toEqual([url]);
  });

  it('is labelled: headings, a label for every control, an aria-live filter count', async () => {
    const a11y = await page.eval<{ h1: number; h2: string[]; unlabelled: number; live: string | null; svgs: number }>(`({
      h1: document.querySelectorAll('h1').length,
      h2: [...document.querySelectorAll('h2')].map((h) => h.textContent),
      unlabelled: [...document.querySelectorAll('input, meter')].filter((i) => !i.labels || i.labels.length === 0).length,
      live: document.getElementById('filter-count').getAttribute('aria-live'),
      svgs: [...document.querySelectorAll('svg')].filter((s) => s.getAttribute('role') === 'img' && s.querySelector('title')?.textContent).length,
    })`);
    expect(a11y).toEqual({ h1: 1, h2: ['Overview', 'Pillars', 'Your next three fixes', 'How the score works', 'Findings', 'Diagnostics', 'Inputs'], unlabelled: 0, live: 'polite', svgs: 2 });
  });

  it('filters by outcome, pillar and severity with clicks and the keyboard', async () => {
    expect(await page.eval<boolean>(`document.getElementById('filters').hidden`)).toBe(false);
    expect(await count()).toBe('Showing 12 of 12 findings');
    expect(await visible()).toBe(12);

    await page.click('input[name="outcome"][value="pass"]');
    expect(await count()).toBe('Showing 8 of 12 findings');
    expect(await visible()).toBe(8);

    // Clicking the label text toggles its checkbox too.
    await page.click('#filters label:has(input[name="pillar"][value="operations"])');
    expect(await count()).toBe('Showing 4 of 12 findings');

    await page.eval(`document.querySelector('input[name="severity"][value="critical"]').focus()`);
    await page.press(' ');
    expect(await page.eval<boolean>(`document.querySelector('input[name="severity"][value="critical"]').checked`)).toBe(false);
    expect(await count()).toBe('Showing 3 of 12 findings');
    expect(await visible()).toBe(3);
    const shown = await page.eval<string[]>(`[...document.querySelectorAll('[data-finding]:not([hidden])')].map((e) => e.dataset.pillar + '/' + e.dataset.severity + '/' + e.dataset.outcome)`);
    expect(shown).toEqual(['security/high/fail', 'security/high/fail', 'security/high/fail']);

    // Tab moves on to the next checkbox, as a keyboard user expects.
    await page.press('Tab');
    expect(await page.eval<string>(`document.activeElement.name + '=' + document.activeElement.value`)).toBe('severity=high');
    expect(page.consoleErrors).toEqual([]);
  });

  it('hides the filters in print', async () => {
    await page.send('Emulation.setEmulatedMedia', { media: 'print' });
    expect(await page.eval<string>(`getComputedStyle(document.getElementById('filters')).display`)).toBe('none');
    await page.send('Emulation.setEmulatedMedia', { media: '' });
  });

  it('shows every finding without JavaScript', async () => {
    await page.send('Emulation.setScriptExecutionDisabled', { value: true });
    await page.open(url);
    const state = await page.send('Runtime.evaluate', {
      expression: `({ shown: [...document.querySelectorAll('[data-finding]')].filter((e) => e.getClientRects().length > 0).length, filters: getComputedStyle(document.getElementById('filters')).display })`,
      returnByValue: true,
    });
    expect(state.result.value).toEqual({ shown: 12, filters: 'none' });
    await page.send('Emulation.setScriptExecutionDisabled', { value: false });
    expect(page.requests.every((u) => u === url)).toBe(true);
  });
});
