// CIDR functions: parseCidr, cidrSubnet and cidrHost over IPv4 and IPv6 ranges. Addresses are
// BigInts; IPv6 output uses the compressed form (RFC 5952), as the documented examples do.
import type { Value } from '../../../core/unknown.js';
import { arity, fail, int, str } from './arg-checks.js';
import type { FunctionTable } from './function-def.js';

interface Network {
  v6: boolean;
  bits: number;
  prefix: number;
  network: bigint;
}

export const cidrFunctions: FunctionTable = {
  parsecidr: {
    evaluate(a): Value {
      arity('parseCidr', a, 1);
      const n = parseNetwork('parseCidr', str('parseCidr', a[0]));
      const size = 1n << BigInt(n.bits - n.prefix);
      const last = n.network + size - 1n;
      const mask = ((1n << BigInt(n.bits)) - 1n) ^ (size - 1n);
      if (n.v6) {
        return { network: show(n, n.network), netmask: show(n, mask), firstUsable: show(n, n.network), lastUsable: show(n, last), cidr: n.prefix };
      }
      // /31 and /32 have no network or broadcast address to set aside (RFC 3021).
      const tiny = n.prefix >= 31;
      return {
        network: show(n, n.network),
        netmask: show(n, mask),
        broadcast: show(n, last),
        firstUsable: show(n, tiny ? n.network : n.network + 1n),
        lastUsable: show(n, tiny ? last : last - 1n),
        cidr: n.prefix,
      };
    },
  },
  cidrsubnet: {
    evaluate(a): Value {
      arity('cidrSubnet', a, 3);
      const n = parseNetwork('cidrSubnet', str('cidrSubnet', a[0]));
      const prefix = int('cidrSubnet', a[1]);
      const index = int('cidrSubnet', a[2]);
      if (prefix < n.prefix || prefix > n.bits) fail('cidrSubnet', `new CIDR ${prefix} must be between ${n.prefix} and ${n.bits}`);
      const count = 1n << BigInt(prefix - n.prefix);
      if (index < 0 || BigInt(index) >= count) fail('cidrSubnet', `subnet index ${index} is out of range: the network has ${count} subnets of /${prefix}`);
      return `${show(n, n.network + (BigInt(index) << BigInt(n.bits - prefix)))}/${prefix}`;
    },
  },
  cidrhost: {
    evaluate(a): Value {
      arity('cidrHost', a, 2);
      const n = parseNetwork('cidrHost', str('cidrHost', a[0]));
      const index = int('cidrHost', a[1]);
      const size = 1n << BigInt(n.bits - n.prefix);
      // Hosts are numbered from the first usable address: index 0 is network + 1 (template-functions-cidr#cidrhost).
      const usable = n.v6 ? size - 1n : size - 2n;
      if (index < 0 || BigInt(index) >= usable) fail('cidrHost', `host index ${index} is out of range for /${n.prefix}`);
      return show(n, n.network + 1n + BigInt(index));
    },
  },
};

function parseNetwork(name: string, text: string): Network {
  const m = /^([^/]+)(?:\/(\d{1,3}))?$/.exec(text.trim());
  if (!m) return fail(name, `expects a network in CIDR notation such as '10.0.0.0/16', got '${text}'`);
  const v6 = m[1].includes(':');
  const bits = v6 ? 128 : 32;
  const prefix = m[2] !== undefined ? Number(m[2]) : guessedPrefix(name, m[1], v6);
  if (prefix > bits) fail(name, `has a prefix length /${prefix} longer than ${bits} bits`);
  const addr = v6 ? parseV6(name, m[1]) : parseV4(name, m[1]);
  const hostBits = (1n << BigInt(bits - prefix)) - 1n;
  return { v6, bits, prefix, network: addr & ~hostBits };
}

/**
 * The prefix of an address given without one. Azure reads it as the IPNetwork2 library does, by
 * the address class for IPv4 (10.0.0.0 is a /8, 172.16.0.0 a /16, 192.168.1.0 a /24) and as a
 * /64 for IPv6: AVM's tests deploy `cidrSubnet('10.0.0.0', 16, 0)`.
 */
function guessedPrefix(name: string, address: string, v6: boolean): number {
  if (v6) return 64;
  const first = Number(address.split('.')[0]);
  if (first < 128) return 8;
  if (first < 192) return 16;
  if (first < 224) return 24;
  return fail(name, `expects a network in CIDR notation such as '10.0.0.0/16', got '${address}'`);
}

function parseV4(name: string, text: string): bigint {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) fail(name, `'${text}' is not an IPv4 address`);
  return parts.reduce((acc, p) => (acc << 8n) | BigInt(Number(p)), 0n);
}

function parseV6(name: string, text: string): bigint {
  const halves = text.toLowerCase().split('::');
  if (halves.length > 2) fail(name, `'${text}' is not an IPv6 address`);
  const groups = (s: string): string[] => (s === '' ? [] : s.split(':'));
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) fail(name, `'${text}' is not an IPv6 address`);
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (all.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) fail(name, `'${text}' is not an IPv6 address`);
  return all.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}

function show(n: Network, addr: bigint): string {
  if (!n.v6) return [24n, 16n, 8n, 0n].map((s) => String((addr >> s) & 255n)).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => ((addr >> BigInt(112 - 16 * i)) & 0xffffn).toString(16));
  // The longest run of two or more zero groups becomes '::' (the first, if runs tie).
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (best < 0) return groups.join(':');
  return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLen).join(':')}`;
}
