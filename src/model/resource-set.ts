// The set of resources one run evaluates, with the indexes relations need (by id, by type, by
// parent, by extension scope). Ids and types compare case-insensitively, as ARM does.
import type { Diagnostic } from '../core/diagnostic.js';
import { isUnknown } from '../core/unknown.js';
import type { Resource } from './resource.js';

/** An input the run read: a file with its kind, or a live scope. */
export interface InputInfo {
  path: string;
  kind: 'arm-template' | 'arm-parameters' | 'resource-graph-snapshot' | 'bicep' | 'skipped';
}

export class ResourceSet {
  private byIdIndex?: Map<string, Resource>;
  private byTypeIndex?: Map<string, Resource[]>;
  private byScopeIndex?: Map<string, Resource[]>;

  constructor(
    readonly resources: Resource[],
    readonly diagnostics: Diagnostic[] = [],
    readonly inputs: InputInfo[] = [],
  ) {}

  byId(id: string): Resource | undefined {
    this.byIdIndex ??= new Map(this.resources.map((r) => [r.id.toLowerCase(), r]));
    return this.byIdIndex.get(id.toLowerCase());
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

  /** Child resources of `parent` (optionally of one child type, full or last segment). */
  childrenOf(parent: Resource, type?: string): Resource[] {
    const prefix = parent.id.toLowerCase() + '/';
    const candidates = type ? this.ofType(type.includes('/') ? type : `${parent.type}/${type}`) : this.resources;
    return candidates.filter((r) => {
      const id = r.id.toLowerCase();
      return id.startsWith(prefix) && r.type.toLowerCase().startsWith(parent.type.toLowerCase() + '/');
    });
  }

  /** Extension resources (diagnostic settings, locks…) whose scope is `target`. */
  extensionsOf(target: Resource, type?: string): Resource[] {
    if (!this.byScopeIndex) {
      this.byScopeIndex = new Map();
      for (const r of this.resources) {
        if (typeof r.scope !== 'string' || isUnknown(r.scope)) continue;
        const k = r.scope.toLowerCase();
        const list = this.byScopeIndex.get(k);
        if (list) list.push(r);
        else this.byScopeIndex.set(k, [r]);
      }
    }
    const all = this.byScopeIndex.get(target.id.toLowerCase()) ?? [];
    return type ? all.filter((r) => r.type.toLowerCase() === type.toLowerCase()) : all;
  }
}
