// A value that cannot be known before deployment. It travels through expansion and evaluation as
// a first-class value so that a rule reports "unverified" instead of guessing.

export class Unknown {
  readonly kind = 'unknown' as const;
  constructor(
    /** Why the value cannot be known, in words a user understands. */
    readonly reason: string,
    /** The expression that produced it, when there is one. */
    readonly expression?: string,
    /**
     * Members that are known although the whole is not: `reference()` of a resource declared in
     * the same deployment knows the declared properties, not the runtime ones.
     */
    readonly known?: Readonly<Record<string, Value>>,
    /**
     * What the value will be when known, when that is certain (a string from format() or
     * resourceId(), a required string parameter without a value): such a value is never null,
     * so whether it exists is known.
     */
    readonly type?: UnknownType,
    /**
     * The resource type this value is the id of, when only the name is unknown
     * (`resourceId('Microsoft.KeyVault/vaults', parameters('name'))`): it names a resource of that
     * type, so relations can count it as possibly pointing at each such resource of its template.
     */
    readonly idOf?: string,
  ) {}

  /** How an Unknown is written in `azready resources` output and reports. */
  toJSON(): { $unknown: string; expression?: string } {
    return this.expression ? { $unknown: this.reason, expression: this.expression } : { $unknown: this.reason };
  }
}

export type UnknownType = 'string' | 'number' | 'boolean' | 'array' | 'object';

/**
 * `u` as the result of an operation that returns `type` (`'same'`: passes its input through;
 * undefined: a result whose type is not certain). Allocates only when the type changes.
 */
export function typedUnknown(u: Unknown, type: UnknownType | 'same' | undefined): Unknown {
  if (type === 'same' || u.type === type) return u;
  return new Unknown(u.reason, u.expression, type === undefined || type === 'object' ? u.known : undefined, type);
}

export function isUnknown(value: unknown): value is Unknown {
  return value instanceof Unknown;
}

/** Any JSON value, possibly with Unknowns inside it. */
export type Value = null | boolean | number | string | Value[] | { [key: string]: Value } | Unknown;

/** The first Unknown found anywhere inside a value (depth-first), or undefined. */
export function findUnknown(value: unknown): Unknown | undefined {
  if (value instanceof Unknown) return value;
  if (Array.isArray(value)) {
    for (const v of value) {
      const u = findUnknown(v);
      if (u) return u;
    }
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) {
      const u = findUnknown(v);
      if (u) return u;
    }
  }
  return undefined;
}
