// Resource functions: ids computed at the placeholder deployment, and the runtime-only functions,
// Unknown with a reason that names the function as the template spells it.
import { describe, expect, it } from 'vitest';
import type { Value } from '../../../src/core/unknown.js';
import { FUNCTIONS } from '../../../src/arm/expression/functions/index.js';
import { expectError, run, unknownOf } from './helpers.js';

const SUB = '00000000-0000-0000-0000-000000000000';
const RG = `/subscriptions/${SUB}/resourceGroups/azready-rg`;
const DOC = 'https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-resource';

describe(`resource ids (${DOC}#resourceid)`, () => {
  it.each<[string, Value]>([
    ["resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'default')", `${RG}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/default`],
    ["subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'r1')", `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/r1`],
    ["tenantResourceId('Microsoft.Authorization/policyDefinitions', 'p1')", '/providers/Microsoft.Authorization/policyDefinitions/p1'],
    ["managementGroupResourceId('Microsoft.Authorization/policyDefinitions', 'p1')", '/providers/Microsoft.Management/managementGroups/azready-mg/providers/Microsoft.Authorization/policyDefinitions/p1'],
    [
      "extensionResourceId(resourceGroup().id, 'Microsoft.Authorization/locks', 'lock1')",
      `${RG}/providers/Microsoft.Authorization/locks/lock1`,
    ],
  ])('%s', (t, e) => expect(run(t)).toBe(e));
  it('checks the name segments', () =>
    expectError("resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet')", "resourceId() for 'Microsoft.Network/virtualNetworks/subnets' needs 2 name segment(s), got 1"));
});

describe(`runtime-only functions (${DOC}#list)`, () => {
  it.each<[string, RegExp]>([
    ["listKeys(resourceId('Microsoft.Storage/storageAccounts', 'sa1'), '2023-01-01')", /^listKeys\(\) returns runtime values/],
    ["LISTSECRETS('x', '2023-01-01')", /^LISTSECRETS\(\) returns runtime values/],
    ["listAccountSas('x', '2023-01-01', createObject())", /^listAccountSas\(\) returns runtime values/],
    ["reference('kv')", /^reference\('kv'\) reads the deployed resource's state$/],
    ["references('kvs')", /^references\(\) reads/],
    ["providers('Microsoft.Web')", /^providers\(\) reads/],
    ["pickZones('Microsoft.Compute', 'virtualMachines', 'westus2')", /^pickZones\(\) depends/],
    ["toLogicalZone(subscription().subscriptionId, 'westus2', '1')", /^toLogicalZone\(\) depends/],
    ["toPhysicalZones(subscription().subscriptionId, 'westus2', createArray('1'))", /^toPhysicalZones\(\) depends/],
  ])('%s is Unknown', (t, reason) => expect(unknownOf(t).reason).toMatch(reason));
});

describe('the function table', () => {
  it('answers names in any casing', () => {
    expect(FUNCTIONS.has('UNIQUESTRING')).toBe(true);
    expect(FUNCTIONS.has('notAFunction')).toBe(false);
  });
  it.each([
    // Every function of the documentation's families (template-functions.md).
    'array concat contains createarray empty first flatten indexof intersection last lastindexof length max min range skip take tryget tryindexfromend union',
    'parsecidr cidrsubnet cidrhost',
    'coalesce equals greater greaterorequals less lessorequals',
    'datetimeadd datetimefromepoch datetimetoepoch utcnow',
    'deployer deployment environment parameters variables',
    'filter groupby map mapvalues reduce sort toobject lambda lambdavariables',
    'and bool false not or true',
    'add copyindex div float int mod mul sub',
    'createobject items json null objectkeys shallowmerge',
    'extensionresourceid listkeys managementgroupresourceid pickzones providers reference references resourceid subscriptionresourceid tenantresourceid',
    'managementgroup resourcegroup subscription tenant',
    'base64 base64tojson base64tostring datauri datauritostring endswith format guid join newguid padleft replace split startswith string substring tolower toupper trim uniquestring uri uricomponent uricomponenttostring',
  ])('has %s', (names) => {
    for (const n of names.split(' ')) expect(FUNCTIONS.has(n), n).toBe(true);
  });
});
