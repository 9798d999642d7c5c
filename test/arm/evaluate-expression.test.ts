// Evaluating ARM template expressions with a minimal context: string functions, resource ids at
// the placeholder deployment, `if` that only evaluates the branch it takes, and Unknowns.
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEPLOYMENT } from '../../src/arm/deployment-context.js';
import { EvaluationError, type EvalContext } from '../../src/arm/expression/eval-context.js';
import { evaluateExpression } from '../../src/arm/expression/evaluate-expression.js';
import { parseExpression } from '../../src/arm/expression/parse-expression.js';
import { Unknown, isUnknown, type Value } from '../../src/core/unknown.js';

const SUB = '00000000-0000-0000-0000-000000000000';
const RG_ID = `/subscriptions/${SUB}/resourceGroups/azready-rg`;

const PARAMS: Record<string, Value> = {
  env: 'prod',
  count: 3,
  list: ['a', 'b'],
  obj: { Name: 'x', nested: { deep: 1 } },
  later: new Unknown("the parameter 'later' has no value"),
};

function context(unsupported: string[] = []): EvalContext {
  return {
    deployment: DEFAULT_DEPLOYMENT,
    parameter: (name) => PARAMS[name.toLowerCase()],
    variable: (name) => (name === 'prefix' ? 'app' : undefined),
    copyIndex: () => undefined,
    unsupported: (name) => void unsupported.push(name),
  };
}

function run(text: string, ctx: EvalContext = context()): Value {
  const parsed = parseExpression(text);
  if (!parsed.ok) throw new Error(`parse failed: ${parsed.error.message}`);
  return evaluateExpression(parsed.node, ctx);
}

function unknownOf(text: string): Unknown {
  const v = run(text);
  expect(isUnknown(v), `${text} should be Unknown, got ${JSON.stringify(v)}`).toBe(true);
  return v as Unknown;
}

describe('string functions', () => {
  it.each<[string, Value]>([
    ["concat('a', 'b', 'c')", 'abc'],
    ["concat(variables('prefix'), '-', parameters('env'))", 'app-prod'],
    ["concat('n', 1, true())", 'n1true'],
    ["CONCAT('names', 'ignore', 'case')", 'namesignorecase'],
    ["concat(parameters('list'), createArray('c'))", ['a', 'b', 'c']],
    ["format('{0}-{1}', 'web', 2)", 'web-2'],
    ["format('{1}{0}', 'a', 'b')", 'ba'],
    ["format('{{0}} is {0}', 'zero')", '{0} is zero'],
    ["format('vm{0:D3}', 7)", 'vm007'],
    ["toLower('MiXeD')", 'mixed'],
    ["'it''s'", "it's"],
  ])('%s → %j', (text, expected) => {
    expect(run(text)).toEqual(expected);
  });

  it.each<[string, string]>([
    ["format('{1}', 'only one')", 'format() has no argument for {1}'],
    ["concat(parameters('list'), 'x')", 'concat() cannot mix arrays and strings'],
    ["toLower(parameters('count'))", 'toLower() expects a string, got number 3'],
  ])('%s throws "%s"', (text, message) => {
    expect(() => run(text)).toThrow(EvaluationError);
    expect(() => run(text)).toThrow(message);
  });
});

describe('resource ids at the placeholder deployment', () => {
  it.each<[string, Value]>([
    ["resourceId('Microsoft.Storage/storageAccounts', 'sa1')", `${RG_ID}/providers/Microsoft.Storage/storageAccounts/sa1`],
    ["resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'default')", `${RG_ID}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/default`],
    ["resourceId('other-rg', 'Microsoft.Storage/storageAccounts', 'sa1')", `/subscriptions/${SUB}/resourceGroups/other-rg/providers/Microsoft.Storage/storageAccounts/sa1`],
    [
      "resourceId('11111111-2222-3333-4444-555555555555', 'rg2', 'Microsoft.Storage/storageAccounts', 'sa1')",
      '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg2/providers/Microsoft.Storage/storageAccounts/sa1',
    ],
    ["resourceGroup().id", RG_ID],
    ["resourceGroup().name", 'azready-rg'],
    ["resourceGroup().location", 'westus'],
    ["subscription().subscriptionId", SUB],
    ["subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'r1')", `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/r1`],
  ])('%s', (text, expected) => {
    expect(run(text)).toBe(expected);
  });

  it('reports a wrong number of name segments', () => {
    expect(() => run("resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet')")).toThrow(
      "resourceId() for 'Microsoft.Network/virtualNetworks/subnets' needs 2 name segment(s), got 1",
    );
  });
});

describe('if evaluates only the branch it takes', () => {
  it.each<[string, Value]>([
    ["if(true(), 'a', reference('kv').vaultUri)", 'a'],
    ["if(false(), reference('kv'), 'b')", 'b'],
    ["if(equals(parameters('env'), 'prod'), 'P2', 'S1')", 'P2'],
    ["if(equals(parameters('env'), 'PROD'), 'P2', 'S1')", 'S1'],
    ["if(true(), 'known', parameters('later'))", 'known'],
  ])('%s → %j', (text, expected) => {
    expect(run(text)).toEqual(expected);
  });

  it('is Unknown when the condition is Unknown', () => {
    expect(unknownOf("if(equals(parameters('later'), 'x'), 'a', 'b')").reason).toBe("the parameter 'later' has no value");
  });

  it('is Unknown when it takes the Unknown branch', () => {
    expect(unknownOf("if(true(), reference('kv').vaultUri, 'b')").reason).toContain("reference('kv')");
  });

  it('needs exactly 3 arguments', () => {
    expect(() => run("if(true(), 'a')")).toThrow('if() takes 3 arguments: condition, trueValue, falseValue');
  });
});

describe('Unknowns', () => {
  it("reference() is Unknown with a reason naming the target", () => {
    const u = unknownOf("reference('kv')");
    expect(u.reason).toBe("reference('kv') reads the deployed resource's state");
    expect(u.expression).toBe('reference');
  });

  it.each([
    "reference('kv').properties.vaultUri",
    "reference(resourceId('Microsoft.KeyVault/vaults', 'kv'))['vaultUri']",
    "concat('https://', reference('kv').vaultUri, '/')",
    "toLower(reference('kv').vaultUri)",
    "parameters('list')[length(reference('kv').items)]",
  ])('propagates through %s', (text) => {
    expect(unknownOf(text).reason).toMatch(/^reference\(/);
  });

  // The reason currently spells the name in lower case (functions/index.ts passes the lookup key).
  it('listKeys() is Unknown', () => {
    expect(unknownOf("listKeys(resourceId('Microsoft.Storage/storageAccounts', 'sa1'), '2023-01-01').keys[0].value").reason).toMatch(/^listKeys\(\) returns runtime values/i);
  });

  it('an unsupported function is Unknown and is reported once per call', () => {
    const seen: string[] = [];
    const v = run("concat('x', notAFunction(1))", context(seen));
    expect(isUnknown(v) && v.reason).toBe("the template function 'notAFunction' is not evaluated by this version of azready");
    expect(seen).toEqual(['notAFunction']);
  });

  it('a parameter that is Unknown stays Unknown', () => {
    expect(unknownOf("concat(parameters('later'), '-x')").reason).toBe("the parameter 'later' has no value");
  });
});

describe('property and index access', () => {
  it.each<[string, Value]>([
    ["parameters('obj').name", 'x'],
    ["parameters('OBJ').NESTED.deep", 1],
    ["parameters('obj')['Name']", 'x'],
    ["parameters('list')[1]", 'b'],
    ["parameters('list')?[5]", null],
    ["parameters('obj').?missing", null],
  ])('%s → %j', (text, expected) => {
    expect(run(text)).toEqual(expected);
  });

  it.each<[string, string]>([
    ["parameters('list')[2]", 'index 2 is out of range for an array of length 2'],
    ["parameters('obj').missing", "the object has no property 'missing'"],
    ["parameters('list').name", "an array is indexed by a number, not 'name'"],
    ["parameters('missing')", "the parameter 'missing' is not declared"],
    ["variables('nope')", "the variable 'nope' is not declared"],
  ])('%s throws "%s"', (text, message) => {
    expect(() => run(text)).toThrow(message);
  });
});
