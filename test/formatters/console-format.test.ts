import { describe, it } from 'vitest';
import { formatConsole } from '../../src/formatters/console-format.js';
import { e2eReport } from './fixed-report.js';
import { expectGolden } from './golden.js';

describe('console format', () => {
  it('matches the golden files', () => {
    expectGolden('e2e.console.txt', formatConsole(e2eReport('full'), { color: false, cwd: process.cwd() }));
    expectGolden('e2e-mixed.console.txt', formatConsole(e2eReport('mixed'), { color: false, cwd: process.cwd() }));
  });
});
