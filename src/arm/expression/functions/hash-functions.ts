// The deterministic hash functions: guid() (a UUID v5 under ARM's namespace) and uniqueString()
// (13 base32 characters of a 64-bit MurmurHash variant). Both hash their arguments joined by '-'.
import { createHash } from 'node:crypto';
import type { Value } from '../../../core/unknown.js';
import { arity, str } from './arg-checks.js';
import type { FunctionTable } from './function-def.js';

/** The namespace ARM uses for guid(). */
const ARM_GUID_NAMESPACE = '11fb06fb-712d-4ddd-98c7-e71bbd588830';

export const hashFunctions: FunctionTable = {
  guid: {
    evaluate(a): Value {
      arity('guid', a, 1, Infinity);
      return uuidV5(ARM_GUID_NAMESPACE, a.map((x) => str('guid', x)).join('-'));
    },
  },
  uniquestring: {
    evaluate(a): Value {
      arity('uniqueString', a, 1, Infinity);
      return base32(murmurHash64(Buffer.from(a.map((x) => str('uniqueString', x)).join('-'), 'utf8')));
    },
  },
};

/** RFC 4122 §4.3 name-based UUID, version 5 (SHA-1), name encoded as UTF-8. */
export function uuidV5(namespace: string, name: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(Buffer.from(name, 'utf8')).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const C1 = 0xab0e9789;
const C2 = 0x239b961b;

const rotl = (x: number, r: number): number => ((x << r) | (x >>> (32 - r))) >>> 0;
const mul = (x: number, y: number): number => Math.imul(x, y) >>> 0;

function mixK1(k: number): number {
  return mul(rotl(mul(k, C2), 15), C1);
}

function mixK2(k: number): number {
  return mul(rotl(mul(k, C1), 17), C2);
}

function fmix(h: number): number {
  h = mul(h ^ (h >>> 16), 0x85ebca6b);
  h = mul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Little-endian value of up to 4 bytes of `data` from `at`. */
function le(data: Uint8Array, at: number, count: number): number {
  let v = 0;
  for (let i = count - 1; i >= 0; i--) v = ((v << 8) | data[at + i]) >>> 0;
  return v;
}

/**
 * The 64-bit MurmurHash variant behind uniqueString(): two 32-bit lanes over 8-byte blocks, seed 0.
 * Pinned against published input/output pairs in test/arm/functions/hash-functions.test.ts.
 */
export function murmurHash64(data: Uint8Array): bigint {
  const len = data.length;
  let h1 = 0;
  let h2 = 0;
  let i = 0;
  for (; i + 8 <= len; i += 8) {
    h1 = (h1 ^ mixK1(le(data, i, 4))) >>> 0;
    h1 = (rotl(h1, 19) + h2) >>> 0;
    h1 = (mul(h1, 5) + 0x561ccd1b) >>> 0;
    h2 = (h2 ^ mixK2(le(data, i + 4, 4))) >>> 0;
    h2 = (rotl(h2, 13) + h1) >>> 0;
    h2 = (mul(h2, 5) + 0x0bcaa747) >>> 0;
  }
  const rest = len - i;
  if (rest > 0) {
    h1 = (h1 ^ mixK1(le(data, i, Math.min(rest, 4)))) >>> 0;
    if (rest > 4) h2 = (h2 ^ mixK2(le(data, i + 4, rest - 4))) >>> 0;
  }
  h2 = (h2 ^ len) >>> 0;
  h1 = (((h1 ^ len) >>> 0) + h2) >>> 0;
  h2 = (h2 + h1) >>> 0;
  h1 = fmix(h1);
  h2 = fmix(h2);
  h1 = (h1 + h2) >>> 0;
  h2 = (h2 + h1) >>> 0;
  return (BigInt(h2) << 32n) | BigInt(h1);
}

/** 13 characters of RFC 4648 base32 (lower case), most significant bits first. */
function base32(v: bigint): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let out = '';
  for (let i = 0; i < 13; i++) {
    out += alphabet[Number((v >> 59n) & 31n)];
    v = (v << 5n) & 0xffffffffffffffffn;
  }
  return out;
}
