// One scan's memory of the Bicep files it touched: each file is read once, each module compiled
// once however many files call it, each existence check made once. A scan (or one bench round)
// makes a fresh cache, so nothing outlives the files it was read from.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../../core/diagnostic.js';
import type { Emitted } from './emit-json.js';

/**
 * A compiled Bicep file. Shared by every caller: the template is embedded as it is into each
 * calling template, so nobody may change it (emitting and expanding only read it).
 */
export interface CachedCompile {
  /** The path as spelled where it was compiled: the compiled spans name the file so. */
  readonly file: string;
  readonly text: string;
  readonly template: Emitted;
  readonly diagnostics: readonly Diagnostic[];
}

export class CompileCache {
  private readonly texts = new Map<string, string>();
  private readonly existing = new Map<string, boolean>();
  private readonly compiles = new Map<string, CachedCompile>();
  private readonly values = new Map<string, unknown>();
  private readonly facts = new Map<object, unknown>();
  private readonly resolved = new Map<string, string>();

  /** The absolute path of `file` (resolving is not free, and the same few paths come back often). */
  resolve(file: string): string {
    // A path that is its own resolved form (most) is not remembered: checking is cheaper than a map.
    if (isPlainAbsolute(file)) return file;
    let key = this.resolved.get(file);
    if (key === undefined) {
      key = path.resolve(file);
      this.resolved.set(file, key);
    }
    return key;
  }

  /**
   * The text of `file`, read with `read` the first time; a failed read is not remembered. `key`
   * is `resolve(file)`, when the caller has it already (the methods below take it too).
   */
  text(file: string, read: (file: string) => string, key = this.resolve(file)): string {
    let text = this.texts.get(key);
    if (text === undefined) {
      text = read(file);
      this.texts.set(key, text);
    }
    return text;
  }

  exists(file: string): boolean {
    const key = this.resolve(file);
    let hit = this.existing.get(key);
    if (hit === undefined) {
      hit = existsSync(key);
      this.existing.set(key, hit);
    }
    return hit;
  }

  /** The compile of `file`, spelled the same way and from exactly this text, if one was made. */
  compiled(file: string, text: string, key = this.resolve(file)): CachedCompile | undefined {
    const hit = this.compiles.get(key);
    return hit && hit.file === file && hit.text === text ? hit : undefined;
  }

  remember(compile: CachedCompile, key = this.resolve(compile.file)): void {
    this.compiles.set(key, compile);
  }

  /**
   * A value worked out from an object this cache holds (a module's compiled template or JSON),
   * made once per scan. A plain map: its keys live as long as the cache anyway, and a WeakMap
   * costs more per entry.
   */
  fact<T>(key: object, make: () => T): T {
    let value = this.facts.get(key) as T | undefined;
    if (value === undefined) {
      value = make();
      this.facts.set(key, value);
    }
    return value;
  }

  /** Any other value derived from files (a parsed bicepconfig.json, a registry module's JSON). */
  derived<T>(key: string, make: () => T): T {
    if (this.values.has(key)) return this.values.get(key) as T;
    const value = make();
    this.values.set(key, value);
    return value;
  }
}

/**
 * A POSIX absolute path with no `.`, `..` or empty segment and no trailing slash is its own
 * resolved form (what a scan's paths and path.join()ed module paths mostly are). Paths with a
 * segment starting with a dot are left to path.resolve, which is always right.
 */
function isPlainAbsolute(file: string): boolean {
  return path.sep === '/' && file.charCodeAt(0) === 47 && file.charCodeAt(file.length - 1) !== 47 && !file.includes('/.') && !file.includes('//');
}
