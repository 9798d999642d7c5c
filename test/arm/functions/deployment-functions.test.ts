// Deployment and scope functions at the placeholder deployment: values azready knows offline, and
// Unknowns for what only Azure knows.
import { describe, expect, it } from 'vitest';
import { isUnknown, type Value } from '../../../src/core/unknown.js';
import { expectError, run } from './helpers.js';

const SUB = '00000000-0000-0000-0000-000000000000';
const ev = (text: string, p: Record<string, Value> = {}): Value => run(text, p);

// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-deployment
describe('deployment functions', () => {
  it.each<[string, Value]>([
    ["parameters('name')", 'x'],
    ["variables('NAME')", 'x'],
    ['deployment().name', 'azready'],
    ['deployer().tenantId', SUB],
    ['environment().name', 'AzureCloud'],
    ['environment().suffixes.storage', 'core.windows.net'],
  ])('%s → %j', (t, e) => expect(ev(t, { name: 'x' })).toEqual(e));
  it('deployer().objectId is Unknown', () => expect(isUnknown(ev('deployer().objectId'))).toBe(true));
  it('parameters() names an undeclared parameter', () => expectError("parameters('nope')", "the parameter 'nope' is not declared"));
  it('copyIndex() outside a loop', () => expectError('copyIndex()', 'copyIndex() is used outside a copy loop'));
  it('deployment() takes no arguments', () => expectError("deployment('x')", 'deployment() takes 0 argument(s), got 1'));
});

// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-scope
describe('scope functions', () => {
  it.each<[string, Value]>([
    ['resourceGroup().id', `/subscriptions/${SUB}/resourceGroups/azready-rg`],
    ['resourceGroup().location', 'westus'],
    ["resourceGroup('other').id", `/subscriptions/${SUB}/resourceGroups/other`],
    ["resourceGroup('11111111-1111-1111-1111-111111111111', 'other').id", '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/other'],
    ['subscription().id', `/subscriptions/${SUB}`],
    ["subscription('11111111-1111-1111-1111-111111111111').subscriptionId", '11111111-1111-1111-1111-111111111111'],
    ['managementGroup().id', '/providers/Microsoft.Management/managementGroups/azready-mg'],
    ["managementGroup('mg1').name", 'mg1'],
    ['tenant().tenantId', SUB],
  ])('%s → %j', (t, e) => expect(ev(t)).toEqual(e));
  it("another resource group's location is Unknown", () => expect(isUnknown(ev("resourceGroup('other').location"))).toBe(true));
  it('resourceGroup() takes at most two arguments', () => expectError("resourceGroup('a', 'b', 'c')", 'resourceGroup() takes 0 to 2 argument(s), got 3'));
  it('subscription() needs a string', () => expectError('subscription(1)', 'subscription() expects a string, got number 1'));
});
