// guid() and uniqueString(): deterministic hashes pinned against input/output pairs published by
// independent implementations that were checked against Azure.
import { describe, expect, it } from 'vitest';
import { expectError, run, unknownOf, LATER } from './helpers.js';

// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-string#uniquestring
describe('uniqueString', () => {
  it.each<[string, string, string]>([
    // "test" → rbgf3xv4ufgzg: the Terraform provider arm2tf (provider test TestAccResourceUniqueString_Single_Value_Is_Correct),
    // a Go port's unit test (TestGenerateUniqueString) and uniquestring.sh's self-test all publish this pair.
    ["uniqueString('test')", 'rbgf3xv4ufgzg', 'arm2tf, Go port, uniquestring.sh'],
    // uniquestring.sh (a bash port "verified against Bicep uniqueString() output"), its --test pairs:
    ["uniqueString('hello', 'world')", 'a7wkljktk6wne', 'uniquestring.sh'],
    ["uniqueString('abc')", 'cgtzqvhu4i23s', 'uniquestring.sh'],
    ["uniqueString('/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/my-rg')", 'bmg7c6xu4tw46', 'uniquestring.sh'],
    ["uniqueString('foo', 'bar', 'baz')", 'xzi4ioaxtmth4', 'uniquestring.sh'],
  ])('%s → %s (%s)', (text, expected) => {
    expect(run(text)).toBe(expected);
  });

  it('joins its arguments with "-" before hashing', () => {
    expect(run("uniqueString('hello', 'world')")).toBe(run("uniqueString('hello-world')"));
  });

  it('is 13 lower-case base32 characters for inputs of every block length', () => {
    for (let n = 0; n < 20; n++) expect(run(`uniqueString('${'x'.repeat(n)}')`)).toMatch(/^[a-z2-7]{13}$/);
  });

  it('is case-sensitive', () => {
    expect(run("uniqueString('ABC')")).not.toBe(run("uniqueString('abc')"));
  });

  it('rejects non-strings and no arguments', () => {
    expectError('uniqueString(1)', 'uniqueString() expects a string, got number 1');
    expectError('uniqueString()', 'uniqueString() takes at least 1 argument(s), got 0');
  });

  it('is Unknown when an argument is', () => {
    expect(unknownOf("uniqueString(parameters('later'))", { later: LATER }).reason).toBe(LATER.reason);
  });
});

// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-string#guid
describe('guid', () => {
  it.each<[string, string]>([
    // arm2tf provider test TestAccResourceGuid_Single_Value_Is_Correct: guid('test').
    ["guid('test')", 'd6a5baf1-8b9b-542a-8525-2982f1f98a0c'],
    // Arguments are joined with '-' (ExpressionBuiltInFunctions.JoinStringParametersWithDash in Microsoft's
    // policy linter port of the ARM functions), then hashed as UUID v5 under 11fb06fb-712d-4ddd-98c7-e71bbd588830.
    // (arm2tf's multi-value test joins without a separator, so its second pair does not apply to ARM.)
    ["guid('test', 'test2', 'test3')", '43ca56fb-e844-5667-aabf-b316c27c09cc'],
  ])('%s → %s', (text, expected) => {
    expect(run(text)).toBe(expected);
  });

  it('is the same for the joined string', () => {
    expect(run("guid('a', 'b')")).toBe(run("guid('a-b')"));
  });

  it('is a version-5 UUID', () => {
    expect(run("guid('x')")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('rejects non-strings', () => {
    expectError('guid(true())', 'guid() expects a string, got boolean true');
  });
});
