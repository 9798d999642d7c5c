// The set of resources one run evaluates, with the indexes relations need (by id, by type, by
// parent, by extension scope). Ids and types compare case-insensitively, as ARM does.
import type { Diagnostic } from '../core/diagnostic.js';
import { isUnknown } from '../core/unknown.js';
import type { Resource } from './resource.js';

/** An input the run read: a file with its kind, or a live scope. */
export interface InputInfo {
  path: string;
  /** `live-scope`: a subscription or management group an audit read (`path` is its ARM id). */
  kind: 'arm-template' | 'arm-parameters' | 'resource-graph-snapshot' | 'bicep' | 'bicep-parameters' | 'skipped' | 'live-scope';
}

export class ResourceSet {
  private byIdIndex?: Map<string, Resource>;
  private byTypeIndex?: Map<string, Resource[]>;
  private byScopeIndex?: Map<string, Resource[]>;
  private readonly memos = new Map<string, unknown>();

  private readonly collectedTypes: Set<string>;

  /**
   * `collected`: types Resource Graph lacks that an audit read completely for its scopes
   * (budgets), so that counting them in a set read from Azure is knowledge.
   */
  constructor(
    readonly resources: Resource[],
    readonly diagnostics: Diagnostic[] = [],
    readonly inputs: InputInfo[] = [],
    readonly collected: readonly string[] = [],
  ) {
    this.collectedTypes = new Set(collected.map((t) => t.toLowerCase()));
  }

  /** Were all resources of `type` in the audited scopes read (see `collected`)? */
  wasCollected(type: string): boolean {
    return this.collectedTypes.has(type.toLowerCase());
  }

  /**
   * The resource with this id in `deployment` (resources read from Azure have none): template
   * resources only relate to resources of their own deployment. The first one when an id repeats.
   */
  byId(id: string, deployment?: string): Resource | undefined {
    if (!this.byIdIndex) {
      this.byIdIndex = new Map();
      for (const r of this.resources) {
        const k = scopedKey(r.deployment, r.id);
        if (!this.byIdIndex.has(k)) this.byIdIndex.set(k, r);
      }
    }
    return this.byIdIndex.get(scopedKey(deployment, id));
  }

  /** Every resource with this id, across deployments (two templates may declare the same one). */
  allById(id: string): Resource[] {
    const index = this.memo('all-by-id', () => {
      const out = new Map<string, Resource[]>();
      for (const r of this.resources) {
        const k = r.id.toLowerCase();
        const list = out.get(k);
        if (list) list.push(r);
        else out.set(k, [r]);
      }
      return out;
    });
    return index.get(id.toLowerCase()) ?? [];
  }

  ofType(type: string): Resource[] {
    if (!this.byTypeIndex) {
      this.byTypeIndex = new Map();
      for (const r of this.resources) {
        const k = r.type.toLowerCase();
        const list = this.byTypeIndex.get(k);
        if (list) list.push(r);
        else this.byTypeIndex.set(k, [r]);
      }
    }
    return this.byTypeIndex.get(type.toLowerCase()) ?? [];
  }

  /**
   * Child resources of `parent`: the direct children, or, with `type` (full, or relative to the
   * parent's type), the descendants of that type (`storageAccounts/blobServices/containers`).
   */
  childrenOf(parent: Resource, type?: string): Resource[] {
    const index = this.memo('children', () => {
      const byParent = new Map<string, Resource[]>();
      for (const r of this.resources) {
        if (r.type.split('/').length <= 2) continue;
        const parentId = scopedKey(r.deployment, r.id.split('/').slice(0, -2).join('/'));
        const list = byParent.get(parentId);
        if (list) list.push(r);
        else byParent.set(parentId, [r]);
      }
      return byParent;
    });
    const direct = index.get(scopedKey(parent.deployment, parent.id)) ?? [];
    if (!type) return direct;
    const full = (type.includes('.') ? type : `${parent.type}/${type}`).toLowerCase();
    const out: Resource[] = [];
    let level = direct;
    while (level.length) {
      const next: Resource[] = [];
      for (const r of level) {
        const t = r.type.toLowerCase();
        if (t === full) out.push(r);
        else if (full.startsWith(t + '/')) next.push(...(index.get(scopedKey(r.deployment, r.id)) ?? []));
      }
      level = next;
    }
    return out;
  }

  /** True when every resource was read from Azure (live or snapshot), none from a template. */
  get readFromAzure(): boolean {
    return this.memo('from-azure', () => this.resources.length > 0 && this.resources.every((r) => r.origin === 'live' || r.origin === 'snapshot'));
  }

  /** Builds an index once per set; relations use it to stay linear in the set's size. */
  memo<T>(key: string, build: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, build());
    return this.memos.get(key) as T;
  }

  /** Extension resources (diagnostic settings, locks…) whose scope is `target`. */
  extensionsOf(target: Resource, type?: string): Resource[] {
    if (!this.byScopeIndex) {
      this.byScopeIndex = new Map();
      for (const r of this.resources) {
        if (typeof r.scope !== 'string' || isUnknown(r.scope)) continue;
        const k = scopedKey(r.deployment, r.scope);
        const list = this.byScopeIndex.get(k);
        if (list) list.push(r);
        else this.byScopeIndex.set(k, [r]);
      }
    }
    const all = this.byScopeIndex.get(scopedKey(target.deployment, target.id)) ?? [];
    return type ? all.filter((r) => r.type.toLowerCase() === type.toLowerCase()) : all;
  }
}

/** An id (case-folded, as ARM compares ids) inside one deployment: the key of every relation index. */
export function scopedKey(deployment: string | undefined, id: string): string {
  return deployment === undefined ? id.toLowerCase() : `${deployment}\u0000${id.toLowerCase()}`;
}
