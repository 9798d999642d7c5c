// Date functions, with the examples and outputs of the documentation page.
import { describe, expect, it } from 'vitest';
import type { Value } from '../../../src/core/unknown.js';
import { expectError, run, unknownOf } from './helpers.js';

const DOC = 'https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-date';
const ev = (text: string): Value => run(text);

describe(`dateTimeAdd (${DOC}#datetimeadd)`, () => {
  it.each<[string, string]>([
    // The remarks' examples: a month is 30 days, so January 31 + P1M is March 2 (March 1 in a leap year).
    ["dateTimeAdd('2023-01-31 00:00:00Z', 'P1M')", '2023-03-02T00:00:00Z'],
    ["dateTimeAdd('2024-01-31 00:00:00Z', 'P1M')", '2024-03-01T00:00:00Z'],
    // The example's base time 2020-04-07 14:53:14Z (the page shows the results in the portal's locale).
    ["dateTimeAdd('2020-04-07 14:53:14Z', 'P3Y')", '2023-04-07T14:53:14Z'],
    ["dateTimeAdd('2020-04-07 14:53:14Z', '-P9D')", '2020-03-29T14:53:14Z'],
    ["dateTimeAdd('2020-04-07 14:53:14Z', 'PT1H')", '2020-04-07T15:53:14Z'],
    ["dateTimeAdd('2020-04-07 14:53:14Z', 'PT1H', 'u')", '2020-04-07 15:53:14Z'],
    ["dateTimeAdd('20190305T175318Z', 'P1D', 'yyyy-MM-dd')", '2019-03-06'],
    ["dateTimeAdd('2019-03-05T17:53:18Z', 'PT0S', 'd')", '03/05/2019'],
    ["dateTimeAdd('2019-03-05T17:53:18Z', 'PT0S', 'M d')", '3 5'],
    ["dateTimeAdd('2019-03-05T17:53:18Z', 'P1W', 'o')", '2019-03-12T17:53:18.0000000Z'],
  ])('%s → %s', (t, e) => expect(ev(t)).toBe(e));
  it('rejects a bad duration', () => expectError("dateTimeAdd('2020-01-01T00:00:00Z', '1 day')", "dateTimeAdd() expects an ISO 8601 duration such as 'P1D' or 'PT1H', got '1 day'"));
  it('rejects a bad date', () => expectError("dateTimeAdd('yesterday', 'P1D')", "dateTimeAdd() expects an ISO 8601 date-time, got 'yesterday'"));
  it('is Unknown for utcNow()', () => expect(unknownOf("dateTimeAdd(utcNow(), 'P1Y')").reason).toBe('utcNow() is the time of the deployment'));
});

describe(`dateTimeFromEpoch and dateTimeToEpoch (${DOC}#datetimefromepoch)`, () => {
  it.each<[string, Value]>([
    ['dateTimeFromEpoch(1683040573)', '2023-05-02T15:16:13Z'],
    ["dateTimeToEpoch('2023-05-02T15:16:13Z')", 1683040573],
    ["dateTimeToEpoch(dateTimeFromEpoch(0))", 0],
  ])('%s → %j', (t, e) => expect(ev(t)).toEqual(e));
  it('needs an integer', () => expectError("dateTimeFromEpoch('1')", 'dateTimeFromEpoch() expects an integer, got string "1"'));
  it('needs a date', () => expectError("dateTimeToEpoch('soon')", "dateTimeToEpoch() expects an ISO 8601 date-time, got 'soon'"));
});

describe(`utcNow (${DOC}#utcnow)`, () => {
  it('is Unknown', () => expect(unknownOf("utcNow('d')").expression).toBe('utcNow'));
});
