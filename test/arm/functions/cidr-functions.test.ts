// CIDR functions, with the examples and outputs of the documentation page.
import { describe, expect, it } from 'vitest';
import type { Value } from '../../../src/core/unknown.js';
import { expectError, run } from './helpers.js';

const DOC = 'https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-cidr';
const ev = (text: string): Value => run(text);

describe(`parseCidr (${DOC}#parsecidr)`, () => {
  it('parses IPv4', () => {
    expect(ev("parseCidr('10.144.0.0/20')")).toEqual({
      network: '10.144.0.0',
      netmask: '255.255.240.0',
      broadcast: '10.144.15.255',
      firstUsable: '10.144.0.1',
      lastUsable: '10.144.15.254',
      cidr: 20,
    });
  });
  it('parses IPv6', () => {
    expect(ev("parseCidr('fdad:3236:5555::/48')")).toEqual({
      network: 'fdad:3236:5555::',
      netmask: 'ffff:ffff:ffff::',
      firstUsable: 'fdad:3236:5555::',
      lastUsable: 'fdad:3236:5555:ffff:ffff:ffff:ffff:ffff',
      cidr: 48,
    });
  });
  it('clears host bits', () => expect((ev("parseCidr('10.144.3.7/20')") as Record<string, Value>).network).toBe('10.144.0.0'));
  it('rejects a bad network', () => expectError("parseCidr('10.0.0.256/8')", "parseCidr() '10.0.0.256' is not an IPv4 address"));
  it('reads an address without a prefix by its class, as Azure does (10.x /8, 172.16.x /16, 192.168.x /24, IPv6 /64)', () => {
    expect(ev("map(createArray('10.1.2.3', '172.16.5.0', '192.168.1.0', 'fd00::1'), lambda('n', parseCidr(lambdaVariables('n')).cidr))")).toEqual([8, 16, 24, 64]);
    expect(ev("createArray(cidrSubnet('10.0.0.0', 16, 0), cidrSubnet('192.168.1.0', 24, 0))")).toEqual(['10.0.0.0/16', '192.168.1.0/24']);
  });
  it('rejects a multicast address without a prefix', () => expectError("parseCidr('224.0.0.1')", "parseCidr() expects a network in CIDR notation such as '10.0.0.0/16', got '224.0.0.1'"));
});

describe(`cidrSubnet (${DOC}#cidrsubnet)`, () => {
  it('splits an IPv4 /20 into /24s', () => {
    expect(ev("map(range(0, 5), lambda('i', cidrSubnet('10.144.0.0/20', 24, lambdaVariables('i'))))")).toEqual([
      '10.144.0.0/24',
      '10.144.1.0/24',
      '10.144.2.0/24',
      '10.144.3.0/24',
      '10.144.4.0/24',
    ]);
  });
  it('splits an IPv6 /48 into /52s', () => {
    expect(ev("map(range(0, 5), lambda('i', cidrSubnet('fdad:3236:5555::/48', 52, lambdaVariables('i'))))")).toEqual([
      'fdad:3236:5555::/52',
      'fdad:3236:5555:1000::/52',
      'fdad:3236:5555:2000::/52',
      'fdad:3236:5555:3000::/52',
      'fdad:3236:5555:4000::/52',
    ]);
  });
  it('rejects an index past the last subnet', () => expectError("cidrSubnet('10.0.0.0/24', 26, 4)", 'cidrSubnet() subnet index 4 is out of range: the network has 4 subnets of /26'));
  it('rejects a shorter prefix', () => expectError("cidrSubnet('10.0.0.0/24', 16, 0)", 'cidrSubnet() new CIDR 16 must be between 24 and 32'));
});

describe(`cidrHost (${DOC}#cidrhost)`, () => {
  it('numbers IPv4 hosts from the first usable address', () => {
    expect(ev("map(range(0, 5), lambda('i', cidrHost('10.144.3.0/24', lambdaVariables('i'))))")).toEqual([
      '10.144.3.1',
      '10.144.3.2',
      '10.144.3.3',
      '10.144.3.4',
      '10.144.3.5',
    ]);
  });
  it('numbers IPv6 hosts from the first usable address', () => {
    expect(ev("map(range(0, 5), lambda('i', cidrHost('fdad:3236:5555:3000::/52', lambdaVariables('i'))))")).toEqual([
      'fdad:3236:5555:3000::1',
      'fdad:3236:5555:3000::2',
      'fdad:3236:5555:3000::3',
      'fdad:3236:5555:3000::4',
      'fdad:3236:5555:3000::5',
    ]);
  });
  it('rejects the broadcast address', () => expectError("cidrHost('192.168.1.0/24', 254)", 'cidrHost() host index 254 is out of range for /24'));
  it('needs an integer index', () => expectError("cidrHost('192.168.1.0/24', '1')", 'cidrHost() expects an integer, got string "1"'));
});
