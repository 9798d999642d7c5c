// The deterministic hash functions: guid() (a UUID v5 under ARM's namespace) and uniqueString()
// (13 base32 characters of a 64-bit MurmurHash variant). Both hash their arguments joined by '-'.
import { createHash } from 'node:crypto';
import type { Value } from '../../../core/unknown.js';
import { arity, str } from './arg-checks.js';
import type { FunctionTable } from './function-def.js';

/** The namespace ARM uses for guid(). */
const ARM_GUID_NAMESPACE = '11fb06fb-712d-4ddd-98c7-e71bbd588830';
const ARM_NAMESPACE_BYTES = Buffer.from(ARM_GUID_NAMESPACE.replace(/-/g, ''), 'hex');

export const hashFunctions: FunctionTable = {
  guid: {
    evaluate(a): Value {
      arity('guid', a, 1, Infinity);
      return remembered(guids, a.map((x) => str('guid', x)).join('-'), armGuid);
    },
  },
  uniquestring: {
    evaluate(a): Value {
      arity('uniqueString', a, 1, Infinity);
      return remembered(uniqueStrings, a.map((x) => str('uniqueString', x)).join('-'), uniqueString);
    },
  },
};

/**
 * Hashes by the text hashed: templates hash the same few ids again and again (uniqueString of the
 * resource group's id in every module of a scan), and a hash costs more than a lookup.
 */
const guids = new Map<string, string>();
const uniqueStrings = new Map<string, string>();

function remembered(cache: Map<string, string>, text: string, hash: (text: string) => string): string {
  let hit = cache.get(text);
  if (hit === undefined) {
    hit = hash(text);
    if (cache.size > 10_000) cache.clear();
    cache.set(text, hit);
  }
  return hit;
}

function armGuid(text: string): string {
  return uuidV5(ARM_GUID_NAMESPACE, text);
}

function uniqueString(text: string): string {
  const [lo, hi] = murmurHash64(Buffer.from(text, 'utf8'));
  return base32(hi, lo);
}

/** RFC 4122 §4.3 name-based UUID, version 5 (SHA-1), name encoded as UTF-8. */
export function uuidV5(namespace: string, name: string): string {
  const ns = namespace === ARM_GUID_NAMESPACE ? ARM_NAMESPACE_BYTES : Buffer.from(namespace.replace(/-/g, ''), 'hex');
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
 * The 64-bit MurmurHash variant behind uniqueString(): two 32-bit lanes over 8-byte blocks, seed 0,
 * as [low 32 bits, high 32 bits] (numbers: no BigInt to allocate). Pinned against published
 * input/output pairs in test/arm/functions/hash-functions.test.ts.
 */
function murmurHash64(data: Uint8Array): [number, number] {
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
  return [h1, h2];
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/**
 * 13 characters of RFC 4648 base32 (lower case) of the 64-bit value `hi:lo`, most significant bits
 * first; the last character holds the last 4 bits and a zero bit.
 */
function base32(hi: number, lo: number): string {
  let out = '';
  // The low bit of each 5-bit group, from bit 59 down to bit -1.
  for (let p = 59; p >= -1; p -= 5) {
    let v: number;
    if (p >= 32) v = hi >>> (p - 32);
    else if (p > 27) v = (hi << (32 - p)) | (lo >>> p);
    else if (p >= 0) v = lo >>> p;
    else v = lo << 1;
    out += BASE32[v & 31];
  }
  return out;
}
