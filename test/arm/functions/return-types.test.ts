// Unknowns whose type is certain: what a function always returns, and a required parameter's
// declared type, so that rules can tell "present" from "absent" without the value.
import { describe, expect, it } from 'vitest';
import { expandTemplate } from '../../../src/arm/expand-template.js';
import { JsonDocument } from '../../../src/arm/json-document.js';
import { isUnknown, type Unknown } from '../../../src/core/unknown.js';
import { applyOperator } from '../../../src/engine/operators.js';

const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

function properties(props: object, parameters: object = {}): Record<string, unknown> {
  const text = JSON.stringify({
    $schema: SCHEMA,
    contentVersion: '1.0.0.0',
    parameters: { name: { type: 'string' }, count: { type: 'int' }, settings: { type: 'object' }, maybe: { type: 'string', nullable: true }, ...parameters },
    resources: [{ type: 'Microsoft.Network/virtualNetworks', apiVersion: '2023-11-01', name: 'vnet1', location: 'westeurope', properties: props }],
  });
  const out = expandTemplate(JsonDocument.parse('main.json', text).doc, {});
  return out.resources[0].properties as Record<string, unknown>;
}

const typeOf = (v: unknown) => (isUnknown(v) ? (v as Unknown).type : typeof v);

describe('typed Unknowns', () => {
  it('gives a required parameter without a value its declared type', () => {
    const p = properties({ a: "[parameters('name')]", b: "[parameters('count')]", c: "[parameters('settings')]" });
    expect([typeOf(p.a), typeOf(p.b), typeOf(p.c)]).toEqual(['string', 'number', 'object']);
  });

  it('gives the result of a function with an unknown argument the type the function always returns', () => {
    const p = properties({
      id: "[resourceId('Microsoft.Network/networkSecurityGroups', parameters('settings').nsg)]",
      text: "[format('{0}-nsg', utcNow())]",
      parts: "[split(parameters('settings').list, ',')]",
      n: "[length(parameters('settings').list)]",
      now: '[utcNow()]',
    });
    expect([typeOf(p.id), typeOf(p.text), typeOf(p.parts), typeOf(p.n), typeOf(p.now)]).toEqual(['string', 'string', 'array', 'number', 'string']);
  });

  it('leaves the type open where it depends on the arguments or may be null', () => {
    const p = properties({ any: "[parameters('settings').nsg]", first: "[first(parameters('settings').list)]", union: "[union(parameters('settings'), createObject())]" });
    expect([typeOf(p.any), typeOf(p.first), typeOf(p.union)]).toEqual([undefined, undefined, undefined]);
  });

  it('lets exists decide on a typed Unknown, and only there', () => {
    const p = properties({ id: "[resourceId('Microsoft.Network/networkSecurityGroups', parameters('name'))]", any: "[parameters('settings').nsg]" });
    expect(applyOperator('exists', p.id, true)).toBe('true');
    expect(applyOperator('exists', p.id, false)).toBe('false');
    expect(applyOperator('equals', p.id, 'x')).toBe('unknown');
    expect(applyOperator('exists', p.any, true)).toBe('unknown');
  });
});
