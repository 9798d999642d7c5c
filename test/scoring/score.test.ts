import { describe, expect, it } from 'vitest';
import { computeScore, levelFor } from '../../src/scoring/score.js';
import { explainScore } from '../../src/scoring/explain-score.js';
import { profile, result } from '../helpers.js';

describe('computeScore', () => {
  it('scores a rule as passed / (passed + failed), leaving unknown and suppressed out', () => {
    const s = computeScore(
      [
        result('a/x', 'pass', { resource: { id: '1', type: 'T', name: '1' } }),
        result('a/x', 'pass', { resource: { id: '2', type: 'T', name: '2' } }),
        result('a/x', 'fail', { resource: { id: '3', type: 'T', name: '3' } }),
        result('a/x', 'unknown', { resource: { id: '4', type: 'T', name: '4' } }),
        result('a/x', 'suppressed', { resource: { id: '5', type: 'T', name: '5' } }),
        result('a/x', 'not-applicable', { resource: { id: '6', type: 'T', name: '6' } }),
      ],
      profile(),
    );
    expect(s.rules[0]).toMatchObject({ ruleId: 'a/x', passed: 2, failed: 1, unknown: 1, suppressed: 1 });
    expect(s.rules[0].score).toBeCloseTo(2 / 3);
    expect(s.pillars.security.score).toBe(66.7);
    expect(s.counts).toEqual({ pass: 2, fail: 1, unknown: 1, suppressed: 1, notApplicable: 1 });
    expect(s.coverage).toBe(0.75);
  });

  it('weights rule scores by severity inside a pillar (critical 10, high 5, medium 3, low 1)', () => {
    const s = computeScore(
      [
        result('a/crit', 'pass', { severity: 'critical' }),
        result('a/high', 'fail', { severity: 'high' }),
        result('a/med', 'pass', { severity: 'medium' }),
        result('a/low', 'fail', { severity: 'low' }),
      ],
      profile(),
    );
    // (10·1 + 5·0 + 3·1 + 1·0) / (10 + 5 + 3 + 1) = 13/19
    expect(s.pillars.security.score).toBe(68.4);
  });

  it('weights pillars by the profile and skips pillars without verified results', () => {
    const p = profile({ pillarWeights: { security: 3, reliability: 1, cost: 5, 'disaster-recovery': 1, operations: 1 } });
    const s = computeScore(
      [
        result('a/sec', 'pass', { pillar: 'security' }),
        result('a/rel', 'fail', { pillar: 'reliability' }),
        result('a/cost', 'unknown', { pillar: 'cost' }),
      ],
      p,
    );
    // cost has only an unknown result: it is left out. (3·100 + 1·0) / (3 + 1) = 75
    expect(s.pillars.cost.score).toBeNull();
    expect(s.score).toBe(75);
    expect(s.level).toBe('nearly-ready');
  });

  it('uses a profile weight override for a rule', () => {
    const p = profile({ overrides: { 'a/low': { weight: 20 } } });
    const s = computeScore([result('a/high', 'pass'), result('a/low', 'fail', { severity: 'low' })], p);
    // (5·1 + 20·0) / 25 = 20
    expect(s.pillars.security.score).toBe(20);
  });

  it('caps the level below the top when a critical rule fails', () => {
    const results = [
      ...Array.from({ length: 99 }, (_, i) => result('a/many', 'pass', { resource: { id: String(i), type: 'T', name: String(i) } })),
      result('a/crit', 'fail', { severity: 'critical' }),
      ...Array.from({ length: 30 }, (_, i) => result('a/crit', 'pass', { severity: 'critical', resource: { id: 'c' + i, type: 'T', name: 'c' + i } })),
    ];
    const s = computeScore(results, profile());
    expect(s.score).toBeGreaterThanOrEqual(85);
    expect(s.level).toBe('nearly-ready');
    expect(s.levelCapped).toBe(true);
    expect(s.failedCritical).toEqual(['a/crit']);
  });

  it('has no score and full coverage when nothing applies', () => {
    const s = computeScore([result('a/x', 'not-applicable')], profile());
    expect(s.score).toBeNull();
    expect(s.level).toBe('unverified');
    expect(s.coverage).toBe(1);
  });

  it('explains the arithmetic with the same numbers', () => {
    const p = profile();
    const s = computeScore([result('a/x', 'pass'), result('a/y', 'fail', { severity: 'medium' })], p);
    const text = explainScore(s, p).join('\n');
    expect(text).toContain('a/x');
    expect(text).toContain('1/1 = 1  × 5 (high)');
    expect(text).toContain('0/1 = 0  × 3 (medium)');
    expect(text).toContain('= 5 / 8 = 62.5');
    expect(text).toContain('overall = (1×62.5) / 1 = 62.5');
    expect(text).toContain('coverage = verified / (verified + unknown) = 2 / 2 = 1');
  });

  it('explains a run where no rule applied without dividing zero by zero', () => {
    const p = profile();
    const text = explainScore(computeScore([], p), p).join('\n');
    expect(text).toContain('overall: nothing could be verified, so there is no score');
    expect(text).toContain('coverage: no rule applied to any resource, so there is nothing to cover');
    expect(text).not.toContain('0 / 0');
  });
});

describe('levelFor', () => {
  it.each([
    [100, 'ready'],
    [85, 'ready'],
    [84.9, 'nearly-ready'],
    [70, 'nearly-ready'],
    [0, 'not-ready'],
  ])('score %s → %s', (score, level) => {
    expect(levelFor(score, profile(), false).level).toBe(level);
  });
});
