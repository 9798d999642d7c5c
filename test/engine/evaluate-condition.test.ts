// Table-driven tests of the policy-language evaluator: `[*]`, count, value count, field names and
// aliases, Kleene logic over Unknowns with their reasons, evidence paths, defaults and relations.
import { describe, expect, it } from 'vitest';
import { resourceIdAt } from '../../src/arm/deployment-context.js';
import { Unknown, type Value } from '../../src/core/unknown.js';
import type { Condition } from '../../src/engine/condition.js';
import { evaluateCondition, type Evaluation } from '../../src/engine/evaluate-condition.js';
import type { Truth } from '../../src/engine/truth.js';
import type { Resource } from '../../src/model/resource.js';
import { ResourceSet } from '../../src/model/resource-set.js';

const RG = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg';
const SA = 'Microsoft.Storage/storageAccounts';
const NSG = 'Microsoft.Network/networkSecurityGroups';
const DIAG = 'Microsoft.Insights/diagnosticSettings';
const PE = 'Microsoft.Network/privateEndpoints';

function res(partial: Partial<Resource>): Resource {
  const type = partial.type ?? SA;
  const name = partial.name ?? 'sa1';
  return { id: resourceIdAt(RG, type, name), type, name, dependsOn: [], origin: 'arm', ...partial };
}

interface Opts {
  set?: ResourceSet;
  defaults?: Record<string, unknown>;
  parameters?: Record<string, unknown>;
}

function evaluate(c: Condition, resource: Resource | undefined, opts: Opts = {}): Evaluation {
  return evaluateCondition(c, {
    resource,
    set: opts.set ?? new ResourceSet(resource ? [resource] : []),
    current: [],
    values: new Map(),
    defaults: opts.defaults && new Map(Object.entries(opts.defaults)),
    parameters: opts.parameters && new Map(Object.entries(opts.parameters)),
  });
}

/** An unknown result must say why; a known one must not pretend to be unknown. */
function expectTruth(e: Evaluation, t: Truth): void {
  expect(e.truth).toBe(t);
  if (t === 'unknown') expect(e.reason).toEqual(expect.stringMatching(/\S/));
}

const later = (why: string) => new Unknown(why);

describe('field over [*]: an implicit allOf over the elements', () => {
  const ALLOW: Condition = { field: 'properties.ipRules[*].action', equals: 'Allow' };
  const LEAVES: Condition = { field: 'properties.subnets[*].rules[*]', equals: 'a' };
  it.each<[string, Resource['properties'], Condition, Truth]>([
    ['empty array is vacuously true', { ipRules: [] }, ALLOW, 'true'],
    ['missing array is false (regorus)', {}, ALLOW, 'false'],
    ['a non-array value is false', { ipRules: 'Allow' }, ALLOW, 'false'],
    ['every element matches (ignoring case)', { ipRules: [{ action: 'Allow' }, { action: 'ALLOW' }] }, ALLOW, 'true'],
    ['one element differs', { ipRules: [{ action: 'Allow' }, { action: 'Deny' }] }, ALLOW, 'false'],
    ['one element lacks the property', { ipRules: [{ action: 'Allow' }, {}] }, ALLOW, 'false'],
    ['not: not all elements match', { ipRules: [{ action: 'Allow' }, { action: 'Deny' }] }, { not: ALLOW }, 'true'],
    ['not: all elements match', { ipRules: [{ action: 'Allow' }] }, { not: ALLOW }, 'false'],
    ['not over an empty array', { ipRules: [] }, { not: ALLOW }, 'false'],
    ['not over a missing array', {}, { not: ALLOW }, 'true'],
    ['notEquals must hold for every element', { ipRules: [{ action: 'Allow' }, { action: 'Deny' }] }, { field: 'properties.ipRules[*].action', notEquals: 'Deny' }, 'false'],
    ['exists must hold for every element', { ipRules: [{ action: 'Allow' }, { value: 'x' }] }, { field: 'properties.ipRules[*].action', exists: true }, 'false'],
    ['nested: every leaf matches', { subnets: [{ rules: ['a', 'A'] }, { rules: ['a'] }] }, LEAVES, 'true'],
    ['nested: one leaf differs', { subnets: [{ rules: ['a'] }, { rules: ['a', 'b'] }] }, LEAVES, 'false'],
    ['nested: inner arrays empty', { subnets: [{ rules: [] }, { rules: [] }] }, LEAVES, 'true'],
    ['nested: not all leaves', { subnets: [{ rules: ['a'] }, { rules: ['b'] }] }, { not: LEAVES }, 'true'],
  ])('%s', (_label, properties, c, t) => {
    expectTruth(evaluate(c, res({ properties })), t);
  });

  it('applies to root arrays such as zones', () => {
    expectTruth(evaluate({ field: 'zones[*]', in: ['1', '2', '3'] }, res({ zones: ['1', 2] })), 'true');
    expectTruth(evaluate({ field: 'zones[*]', in: ['1', '2', '3'] }, res({ zones: ['1', '4'] })), 'false');
  });

  it('reports the concrete index path and value of the first failing element', () => {
    const r = res({ properties: { networkAcls: { ipRules: [{ value: '10.0.0.1' }, { value: '0.0.0.0/0' }, { value: '0.0.0.0/0' }] } } });
    const e = evaluate({ field: 'properties.networkAcls.ipRules[*].value', notEquals: '0.0.0.0/0' }, r);
    expect(e).toMatchObject({ truth: 'false', evidence: { path: 'properties.networkAcls.ipRules[1].value', actual: '0.0.0.0/0' } });
  });

  it('reports the path of an absent field with no value', () => {
    const e = evaluate({ field: 'properties.minimumTlsVersion', equals: 'TLS1_2' }, res({ properties: {} }));
    expect(e.truth).toBe('false');
    expect(e.evidence).toEqual({ path: 'properties.minimumTlsVersion', actual: undefined });
  });
});

describe('field names: root fields, tags and aliases', () => {
  const sa = res({
    location: 'West Europe', kind: 'StorageV2', sku: { name: 'Standard_LRS' }, identity: { type: 'SystemAssigned' },
    tags: { Env: 'Prod', 'cost center': 'cc-1' },
    properties: { minimumTlsVersion: 'TLS1_2', networkAcls: { defaultAction: 'Deny' } },
  });
  const blob = res({ type: `${SA}/blobServices`, name: 'sa1/default' });
  const nsg = (...access: string[]) =>
    res({ type: NSG, name: 'nsg', properties: { securityRules: access.map((a, i) => ({ name: `r${i}`, properties: { access: a } })) } });
  it.each<[string, Resource, Condition, Truth]>([
    ['name is the last segment', blob, { field: 'name', equals: 'default' }, 'true'],
    ['name is not the full name', blob, { field: 'name', equals: 'sa1/default' }, 'false'],
    ['fullName is the whole name', blob, { field: 'fullName', equals: 'sa1/default' }, 'true'],
    ['location is normalized', sa, { field: 'location', equals: 'westeurope' }, 'true'],
    ['location is not compared as written', sa, { field: 'location', equals: 'West Europe' }, 'false'],
    ['type ignores case', sa, { field: 'type', equals: 'microsoft.storage/storageaccounts' }, 'true'],
    ['id', sa, { field: 'id', like: '*/providers/Microsoft.Storage/storageAccounts/sa1' }, 'true'],
    ['kind', sa, { field: 'kind', equals: 'storagev2' }, 'true'],
    ['identity.type', sa, { field: 'identity.type', equals: 'SystemAssigned' }, 'true'],
    ["tags['env'] (tag names ignore case)", sa, { field: "tags['env']", equals: 'prod' }, 'true'],
    ['tags.env', sa, { field: 'tags.env', equals: 'Prod' }, 'true'],
    ['tags[env]', sa, { field: 'tags[env]', equals: 'Prod' }, 'true'],
    ["tags['cost center']", sa, { field: "tags['cost center']", equals: 'cc-1' }, 'true'],
    ['tags containsKey', sa, { field: 'tags', containsKey: 'ENV' }, 'true'],
    ['a missing tag does not exist', sa, { field: "tags['owner']", exists: false }, 'true'],
    ['a computed field name', sa, { field: "[concat('tags[', 'env', ']')]", equals: 'Prod' }, 'true'],
    ['alias → properties.minimumTlsVersion', sa, { field: `${SA}/minimumTlsVersion`, equals: 'TLS1_2' }, 'true'],
    ['alias names ignore case', sa, { field: 'microsoft.storage/storageaccounts/MINIMUMTLSVERSION', equals: 'TLS1_2' }, 'true'],
    ['alias with a dotted path', sa, { field: `${SA}/networkAcls.defaultAction`, equals: 'Deny' }, 'true'],
    ['alias …/sku.name stays at the root', sa, { field: `${SA}/sku.name`, equals: 'Standard_LRS' }, 'true'],
    ['alias of another type selects nothing', sa, { field: 'Microsoft.KeyVault/vaults/enablePurgeProtection', exists: false }, 'true'],
    ['a renamed alias of another type selects nothing', res({ type: 'Microsoft.KeyVault/vaults', name: 'kv', sku: { name: 'standard' } }), { field: `${SA}/accountType`, exists: false }, 'true'],
    ['a renamed alias: accountType → sku.name', sa, { field: `${SA}/accountType`, equals: 'Standard_LRS' }, 'true'],
    ['securityRules[*].access hides the element properties', nsg('Deny', 'Deny'), { field: `${NSG}/securityRules[*].access`, equals: 'Deny' }, 'true'],
    ['securityRules[*].access: one Allow', nsg('Deny', 'Allow'), { field: `${NSG}/securityRules[*].access`, equals: 'Deny' }, 'false'],
    ['securityRules[*].name stays at element level', nsg('Deny'), { field: `${NSG}/securityRules[*].name`, equals: 'r0' }, 'true'],
  ])('%s', (_label, r, c, t) => {
    expectTruth(evaluate(c, r), t);
  });
});

describe('Kleene logic with Unknown values', () => {
  const r = res({ properties: { known: 'yes', later: later("reference('kv') is only known after deployment") } });
  const C: Record<'T' | 'F' | 'U', Condition> = {
    T: { field: 'properties.known', equals: 'yes' },
    F: { field: 'properties.known', equals: 'no' },
    U: { field: 'properties.later', equals: 'x' },
  };
  type K = keyof typeof C;
  it.each<['allOf' | 'anyOf', K, K, Truth]>([
    ['allOf', 'T', 'T', 'true'], ['allOf', 'T', 'F', 'false'], ['allOf', 'F', 'U', 'false'], ['allOf', 'U', 'F', 'false'],
    ['allOf', 'T', 'U', 'unknown'], ['allOf', 'U', 'T', 'unknown'], ['allOf', 'U', 'U', 'unknown'], ['allOf', 'F', 'F', 'false'],
    ['anyOf', 'T', 'U', 'true'], ['anyOf', 'U', 'T', 'true'], ['anyOf', 'F', 'U', 'unknown'], ['anyOf', 'U', 'F', 'unknown'],
    ['anyOf', 'F', 'F', 'false'], ['anyOf', 'T', 'F', 'true'], ['anyOf', 'U', 'U', 'unknown'], ['anyOf', 'T', 'T', 'true'],
  ])('%s[%s, %s] → %s', (op, a, b, t) => {
    const e = evaluate({ [op]: [C[a], C[b]] }, r);
    expectTruth(e, t);
    if (t === 'unknown') expect(e.reason).toBe("properties.later: reference('kv') is only known after deployment");
    else expect(e.reason).toBeUndefined();
  });

  it.each<[K, Truth]>([['T', 'false'], ['F', 'true'], ['U', 'unknown']])('not %s → %s', (a, t) => {
    expectTruth(evaluate({ not: C[a] }, r), t);
  });

  it('an Unknown array element decides a [*] condition only when the others do not', () => {
    const mixed = res({ properties: { rules: [{ action: 'Allow' }, later('from a parameter without a value'), { action: 'Deny' }] } });
    expectTruth(evaluate({ field: 'properties.rules[*].action', equals: 'Allow' }, mixed), 'false');
    const e = evaluate({ field: 'properties.rules[*].action', notEquals: 'Block' }, mixed);
    expectTruth(e, 'unknown');
    expect(e.reason).toContain('from a parameter without a value');
  });

  it('an Unknown array makes [*] unknown', () => {
    expectTruth(evaluate({ field: 'properties.rules[*].action', equals: 'Allow' }, res({ properties: { rules: later('copy count unknown') } })), 'unknown');
  });
});

describe('value conditions', () => {
  const r = res({ properties: { a: 'Hello', list: ['a', later('listKeys() is only known in Azure')] } });
  it.each<[string, Condition, Truth]>([
    ['field() of a property', { value: "[field('properties.a')]", equals: 'hello' }, 'true'],
    ['a function over field()', { value: "[length(field('properties.a'))]", greater: 4 }, 'true'],
    ['field() of an absent property is null', { value: "[field('properties.none')]", exists: false }, 'true'],
    ['a parameter', { value: "[parameters('tier')]", in: ['Premium'] }, 'true'],
    ['an expression on the right', { value: 'premium', equals: "[parameters('tier')]" }, 'true'],
    ['a [[ escaped literal', { value: '[[not an expression]', equals: '[[NOT an expression]' }, 'true'],
  ])('%s', (_label, c, t) => {
    expectTruth(evaluate(c, r, { parameters: { tier: 'Premium' } }), t);
  });

  it.each<[string, Condition, string]>([
    ['reference() is unknown', { value: "[reference('kv').vaultUri]", equals: 'x' }, "reference('kv')"],
    ['an Unknown inside the value', { value: "[field('properties.list')]", contains: 'b' }, 'listKeys() is only known in Azure'],
    ['an Unknown in the expected list', { field: 'properties.a', in: "[parameters('allowed')]" }, 'copy is unknown'],
  ])('%s → unknown with the reason', (_label, c, reason) => {
    const e = evaluate(c, r, { parameters: { allowed: ['x', later('copy is unknown')] } });
    expectTruth(e, 'unknown');
    expect(e.reason).toContain(reason);
  });
});

describe('count', () => {
  const acl = res({
    location: 'eastus',
    properties: { ipRules: [{ value: '1.1.1.1', action: 'Allow' }, { value: '2.2.2.2', action: 'Allow' }, { value: '0.0.0.0/0', action: 'Deny' }] },
  });
  const RULES = 'properties.ipRules[*]';
  const allowed = { field: `${RULES}.action`, equals: 'allow' };
  it.each<[string, Condition, Truth]>([
    ['length equals', { count: { field: RULES }, equals: 3 }, 'true'],
    ['length greater', { count: { field: RULES }, greater: 3 }, 'false'],
    ['length greaterOrEquals', { count: { field: RULES }, greaterOrEquals: 3 }, 'true'],
    ['length less', { count: { field: RULES }, less: 4 }, 'true'],
    ['length lessOrEquals', { count: { field: RULES }, lessOrEquals: 2 }, 'false'],
    ['length notEquals', { count: { field: RULES }, notEquals: 3 }, 'false'],
    ['length in', { count: { field: RULES }, in: [1, 3] }, 'true'],
    ['missing array counts 0', { count: { field: 'properties.none[*]' }, equals: 0 }, 'true'],
    ['where on the current element', { count: { field: RULES, where: allowed }, equals: 2 }, 'true'],
    ['where with allOf', { count: { field: RULES, where: { allOf: [allowed, { field: `${RULES}.value`, like: '1.*' }] } }, equals: 1 }, 'true'],
    ['where reading a root field sees the resource', { count: { field: RULES, where: { field: 'location', equals: 'eastus' } }, equals: 3 }, 'true'],
    ["current('…[*].value')", { count: { field: RULES, where: { value: `[current('${RULES}.value')]`, equals: '2.2.2.2' } }, equals: 1 }, 'true'],
    ["current('…[*]') is the element", { count: { field: RULES, where: { value: `[current('${RULES}').action]`, equals: 'Deny' } }, equals: 1 }, 'true'],
    ['current() is the element', { count: { field: RULES, where: { value: '[current().action]', equals: 'Deny' } }, equals: 1 }, 'true'],
    ['field() of the counted alias is a 1-element array', { count: { field: RULES, where: { value: `[first(field('${RULES}.value'))]`, equals: '1.1.1.1' } }, equals: 1 }, 'true'],
  ])('%s', (_label, c, t) => {
    expectTruth(evaluate(c, acl), t);
  });

  const nsg = res({
    type: NSG, name: 'nsg',
    properties: { securityRules: [
      { name: 'ssh', properties: { access: 'Allow', destinationPortRange: '22' } },
      { name: 'https', properties: { access: 'Allow', destinationPortRange: '443' } },
      { name: 'deny', properties: { access: 'Deny', destinationPortRange: '*' } },
    ] },
  });
  const SR = `${NSG}/securityRules[*]`;
  const portAllowed = (port: string): Condition => ({
    count: { field: SR, where: { allOf: [{ field: `${SR}.destinationPortRange`, equals: port }, { field: `${SR}.access`, equals: 'Allow' }] } },
    greater: 0,
  });
  it.each<[string, Condition, Truth]>([
    ['alias count with alias where', { count: { field: SR, where: { field: `${SR}.access`, equals: 'Allow' } }, equals: 2 }, 'true'],
    ["current() of an alias under the counted array", { count: { field: SR, where: { value: `[current('${SR}.destinationPortRange')]`, equals: '22' } }, equals: 1 }, 'true'],
    ['value count with name', { count: { value: ['eastus', 'westus', 'northeurope'], name: 'loc', where: { value: "[current('loc')]", like: '*US' } }, equals: 2 }, 'true'],
    ['value count without where', { count: { value: ['a', 'b'] }, equals: 2 }, 'true'],
    ['value count with current()', { count: { value: ['Allow', 'Deny', 'allow'], where: { value: '[current()]', equals: 'Allow' } }, equals: 2 }, 'true'],
    ['value count with a field count inside', { count: { value: ['22', '443', '8080'], name: 'port', where: { ...portAllowed("[current('port')]") } }, equals: 2 }, 'true'],
    ['current() is the innermost count', { count: { value: ['x'], where: { count: { field: SR, where: { value: '[current().name]', equals: 'ssh' } }, equals: 1 } }, equals: 1 }, 'true'],
  ])('%s', (_label, c, t) => {
    expectTruth(evaluate(c, nsg), t);
  });

  it('value count over tags named by a parameter', () => {
    const tagged = res({ tags: { env: 'prod' } });
    const c: Condition = {
      count: { value: "[parameters('required')]", name: 'tag', where: { field: "[concat('tags[', current('tag'), ']')]", exists: true } },
      equals: "[length(parameters('required'))]",
    };
    expectTruth(evaluate(c, tagged, { parameters: { required: ['env'] } }), 'true');
    expectTruth(evaluate(c, tagged, { parameters: { required: ['env', 'owner'] } }), 'false');
  });

  describe('with an Unknown element: unknown only when the outcome depends on it', () => {
    const mixed = res({ properties: { ipRules: [{ action: 'Allow' }, later("the rule comes from parameters('extra')"), { action: 'Deny' }] } });
    const where = { field: `${RULES}.action`, equals: 'Allow' };
    it.each<[string, Condition, Truth]>([
      ['length is known', { count: { field: RULES }, equals: 3 }, 'true'],
      ['≥ 1 holds either way', { count: { field: RULES, where }, greaterOrEquals: 1 }, 'true'],
      ['> 2 fails either way', { count: { field: RULES, where }, greater: 2 }, 'false'],
      ['less 3 holds either way', { count: { field: RULES, where }, less: 3 }, 'true'],
      ['= 1 depends on it', { count: { field: RULES, where }, equals: 1 }, 'unknown'],
      ['= 2 depends on it', { count: { field: RULES, where }, equals: 2 }, 'unknown'],
    ])('%s', (_label, c, t) => {
      const e = evaluate(c, mixed);
      expectTruth(e, t);
      if (t === 'unknown') expect(e.reason).toContain("the rule comes from parameters('extra')");
    });

    it('an Unknown array makes the count unknown with its path', () => {
      const e = evaluate({ count: { field: RULES }, equals: 0 }, res({ properties: { ipRules: later('copy count unknown') } }));
      expectTruth(e, 'unknown');
      expect(e.reason).toBe('properties.ipRules[*]: copy count unknown');
    });

    it('an Unknown value-count list makes the count unknown', () => {
      expectTruth(evaluate({ count: { value: "[reference('x').zones]" }, greater: 0 }, mixed), 'unknown');
    });
  });
});

describe('defaults apply to absent properties only', () => {
  const defaults = { 'properties.minimumtlsversion': 'TLS1_0' };
  const tls = (properties: Resource['properties']) => res({ properties });
  it('uses the default when the property is absent, and says so', () => {
    const e = evaluate({ field: 'properties.minimumTlsVersion', notEquals: 'TLS1_0' }, tls({}), { defaults });
    expect(e).toEqual({ truth: 'false', evidence: { path: 'properties.minimumTlsVersion', actual: 'TLS1_0', defaulted: true } });
    expectTruth(evaluate({ field: 'properties.minimumTlsVersion', notEquals: 'TLS1_0' }, tls({})), 'true');
    expectTruth(evaluate({ field: `${SA}/minimumTlsVersion`, equals: 'TLS1_0' }, tls({}), { defaults }), 'true');
  });

  it('does not use the default when the property is present', () => {
    const e = evaluate({ field: 'properties.minimumTlsVersion', equals: 'TLS1_2' }, tls({ minimumTlsVersion: 'TLS1_2' }), { defaults });
    expect(e).toEqual({ truth: 'true', evidence: { path: 'properties.minimumTlsVersion', actual: 'TLS1_2' } });
  });

  it.each<[string, Resource['properties']]>([
    ['the property is Unknown', { minimumTlsVersion: later("parameters('tls') has no value") }],
    ['all properties are Unknown', later("parameters('tls') has no value")],
  ])('does not use the default when %s', (_label, properties) => {
    const e = evaluate({ field: 'properties.minimumTlsVersion', equals: 'TLS1_0' }, tls(properties), { defaults });
    expectTruth(e, 'unknown');
    expect(e.evidence?.defaulted).toBeUndefined();
    expect(e.reason).toContain("parameters('tls') has no value");
  });
});

describe('relations and set-level counts', () => {
  const sa1 = res({ name: 'sa1', file: 'main.json', location: 'East US' });
  const sa2 = res({ name: 'sa2', file: 'main.json', location: 'eastus' });
  const sa3 = res({ name: 'sa3', file: 'main.json', location: 'westus' });
  const sa4 = res({ name: 'sa4', file: 'other.json', location: later("parameters('region') has no value") });
  const ext = (target: Resource | Unknown, type: string, name: string, properties: Resource['properties'], file?: string) =>
    res({ type, name, file, properties, scope: target instanceof Unknown ? target : target.id, id: `${target instanceof Unknown ? RG : target.id}/providers/${type}/${name}` });
  const set = new ResourceSet([
    sa1, sa2, sa3, sa4,
    res({ type: `${SA}/blobServices`, name: 'sa1/default' }),
    res({ type: `${SA}/blobServices/containers`, name: 'sa1/default/logs' }),
    ext(sa1, DIAG, 'toLaw', { workspaceId: `${RG}/providers/Microsoft.OperationalInsights/workspaces/law` }),
    ext(sa2, DIAG, 'toStorage', { storageAccountId: sa4.id }),
    { ...ext(sa1, 'Microsoft.Authorization/locks', 'lock', { level: 'CanNotDelete' }), scope: sa1.id.toUpperCase() },
    ext(later("the scope comes from parameters('target')"), DIAG, 'dynamic', { storageAccountId: 'x' }, 'main.json'),
    res({ type: PE, name: 'pe1', properties: { privateLinkServiceConnections: [{ name: 'c', properties: { privateLinkServiceId: sa1.id } }] } }),
    res({ type: PE, name: 'pe2', file: 'main.json', properties: { privateLinkServiceConnections: [{ properties: { privateLinkServiceId: later('a reference() id') } }] } }),
  ]);
  const VIA = 'properties.privateLinkServiceConnections[*].properties.privateLinkServiceId';
  const toLaw = { field: 'properties.workspaceId', exists: true };
  it.each<[string, Resource, Condition, Truth]>([
    ['child by last type segment', sa1, { count: { related: 'child', type: 'blobServices' }, equals: 1 }, 'true'],
    ['child by full type', sa1, { count: { related: 'child', type: `${SA}/blobServices`, where: { field: 'name', equals: 'default' } }, equals: 1 }, 'true'],
    ['no children', sa2, { count: { related: 'child', type: 'blobServices' }, equals: 0 }, 'true'],
    ['extension where holds', sa1, { count: { related: 'extension', type: DIAG, where: toLaw }, greaterOrEquals: 1 }, 'true'],
    ['extension where fails; the unknown-scope one fails it too', sa2, { count: { related: 'extension', type: DIAG, where: toLaw }, greaterOrEquals: 1 }, 'false'],
    ['extension scope compares ignoring case', sa1, { count: { related: 'extension', type: 'Microsoft.Authorization/locks', where: { field: 'properties.level', equals: 'CanNotDelete' } }, equals: 1 }, 'true'],
    ['an extension with an Unknown scope in the same file', sa3, { count: { related: 'extension', type: DIAG }, greaterOrEquals: 1 }, 'unknown'],
    ['an Unknown scope in another file cannot point here', sa4, { count: { related: 'extension', type: DIAG }, greaterOrEquals: 1 }, 'false'],
    ['referencedBy via', sa1, { count: { related: 'referencedBy', type: PE, via: VIA }, greaterOrEquals: 1 }, 'true'],
    ['referencedBy via, Unknown target in the same file', sa1, { count: { related: 'referencedBy', type: PE, via: VIA }, equals: 1 }, 'unknown'],
    ['referencedBy via, other file', sa4, { count: { related: 'referencedBy', type: PE, via: VIA }, equals: 0 }, 'true'],
    ['referencedBy without via: any string property', sa4, { count: { related: 'referencedBy', type: DIAG }, equals: 1 }, 'true'],
  ])('%s', (_label, r, c, t) => {
    const e = evaluate(c, r, { set });
    expectTruth(e, t);
  });

  it('names the unknown link in the reason', () => {
    expect(evaluate({ count: { related: 'extension', type: DIAG }, greaterOrEquals: 1 }, sa3, { set }).reason).toBe(
      "the scope of Microsoft.Insights/diagnosticSettings 'dynamic' is unknown",
    );
  });

  it.each<[string, Condition, Truth]>([
    ['resources of a type', { count: { resources: { type: SA } }, equals: 4 }, 'true'],
    ['resources with where', { count: { resources: { type: [SA, PE], where: { field: 'name', like: 'pe*' } } }, equals: 2 }, 'true'],
    ['distinct normalized locations, at least 2', { count: { distinct: { type: SA, field: 'location' } }, greaterOrEquals: 2 }, 'true'],
    ['distinct locations: an Unknown may add one', { count: { distinct: { type: SA, field: 'location' } }, equals: 2 }, 'unknown'],
    ['distinct locations: never more than 3', { count: { distinct: { type: SA, field: 'location' } }, greater: 3 }, 'false'],
    ['field needs a resource', { field: 'name', equals: 'x' }, 'unknown'],
  ])('set level: %s', (_label, c, t) => {
    expectTruth(evaluate(c, undefined, { set }), t);
  });

  it('set level: a resource whose where is unknown may still add a distinct value', () => {
    const s = new ResourceSet([
      res({ name: 'a', location: 'eastus', tags: { tier: 'prod' } }),
      res({ name: 'b', location: 'westus', tags: { tier: later("parameters('tier') has no value") } }),
    ]);
    const e = evaluate({ count: { distinct: { type: SA, field: 'location', where: { field: 'tags.tier', equals: 'prod' } } }, greaterOrEquals: 2 }, undefined, { set: s });
    expectTruth(e, 'unknown');
    expect(e.reason).toContain("parameters('tier') has no value");
  });
});

describe('references relation', () => {
  const lake = res({ type: 'Microsoft.Storage/storageAccounts', name: 'stlake', location: 'westeurope' });
  const other = res({ type: 'Microsoft.Storage/storageAccounts', name: 'stother', location: 'northeurope' });
  const ws = (props: Record<string, Value>) => res({ type: 'Microsoft.Synapse/workspaces', name: 'syn', location: 'westeurope', properties: { defaultDataLakeStorage: props } });
  const count = (via: string) => ({ count: { related: 'references' as const, type: 'Microsoft.Storage/storageAccounts', via }, equals: 1 });
  it('finds the target by resource id and by endpoint URL', () => {
    for (const [props, via] of [[{ resourceId: lake.id }, 'properties.defaultDataLakeStorage.resourceId'], [{ accountUrl: 'https://stlake.dfs.core.windows.net' }, 'properties.defaultDataLakeStorage.accountUrl']] as const) {
      const w = ws(props);
      const set = new ResourceSet([lake, other, w]);
      expect(evaluateCondition(count(via), { resource: w, set, current: [], values: new Map() }).truth).toBe('true');
    }
  });
  it('is unknown when the link is unknown', () => {
    const w = ws({ resourceId: new Unknown('module output') });
    const set = new ResourceSet([lake, w]);
    expect(evaluateCondition(count('properties.defaultDataLakeStorage.resourceId'), { resource: w, set, current: [], values: new Map() })).toMatchObject({ truth: 'unknown' });
  });
});

describe('secure: where a field value came from', () => {
  const vm = res({
    type: 'Microsoft.Compute/virtualMachines',
    properties: { osProfile: { adminPassword: later("the parameter 'pw' has no value"), adminUsername: 'azureuser' }, extra: { key: later('a Key Vault reference') }, written: 'P@ss' },
    secretPaths: ['properties.osProfile.adminPassword', 'properties.extra', 'properties.written'],
  });

  it('is true for a value from a secure parameter, even when the value is unknown', () => {
    expectTruth(evaluate({ field: 'properties.osProfile.adminPassword', secure: true }, vm), 'true');
    expectTruth(evaluate({ field: '$..adminPassword', secure: true }, vm), 'true');
    expectTruth(evaluate({ field: 'properties.extra.key', secure: true }, vm), 'true');
  });

  it('is false for a plain value and for an absent field', () => {
    expectTruth(evaluate({ field: 'properties.osProfile.adminUsername', secure: true }, vm), 'false');
    expectTruth(evaluate({ field: 'properties.osProfile.adminUsername', secure: false }, vm), 'true');
    expectTruth(evaluate({ field: 'properties.osProfile.customData', secure: true }, vm), 'false');
  });

  it('is false for a secure parameter whose value is written in the scanned files', () => {
    expectTruth(evaluate({ field: 'properties.written', secure: true }, vm), 'false');
  });

  it('lets "absent or secure" decide where exists alone is unknown', () => {
    const c: Condition = { anyOf: [{ field: 'properties.osProfile.adminPassword', exists: false }, { field: 'properties.osProfile.adminPassword', secure: true }] };
    expectTruth(evaluate({ field: 'properties.osProfile.adminPassword', exists: false }, vm), 'unknown');
    expectTruth(evaluate(c, vm), 'true');
  });
});
