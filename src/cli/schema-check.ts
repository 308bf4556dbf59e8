/**
 * A small JSON Schema (draft 2020-12) checker for feed.schema.json, so `validate` needs no
 * runtime dependency. It knows the keywords a data format like ours uses: type, enum,
 * const, required, properties, additionalProperties, patternProperties, propertyNames,
 * items, min/maxItems, uniqueItems, min/maxLength, pattern, minimum/maximum (and the
 * exclusive forms), min/maxProperties, allOf/anyOf/oneOf/not, if/then/else and local
 * $ref. Other keywords (format, …) are not checked. Fields the schema does not name are
 * reported as warnings ("a typo?"), from the branch that matched.
 *
 * A 70,000-group feed has millions of values: paths are linked lists turned into strings
 * only for a problem, and a result object exists only where something is found.
 */

export interface SchemaProblem {
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

type Schema = boolean | Record<string, unknown>;
type Path = { up: Path; key: string | number } | null;

interface Result {
  errors: SchemaProblem[];
  unknown: SchemaProblem[];
  /** Keys of this object that some (sub)schema for the same value describes. */
  evaluated: Set<string> | undefined;
  /** Whether any (sub)schema for the same value lists `properties`. */
  described: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const IDENTIFIER = /^[A-Za-z_$][\w$-]*$/;

function pathText(path: Path): string {
  const keys: (string | number)[] = [];
  for (let p = path; p; p = p.up) keys.push(p.key);
  let out = '';
  for (let i = keys.length - 1; i >= 0; i--) {
    const key = keys[i] as string | number;
    out += typeof key === 'number' ? `[${key}]` : IDENTIFIER.test(key) ? (out ? `.${key}` : key) : `[${JSON.stringify(key)}]`;
  }
  return out;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function codePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

const entryCache = new WeakMap<object, [string, unknown][]>();
function entriesOf(record: Record<string, unknown>): [string, unknown][] {
  let entries = entryCache.get(record);
  if (!entries) entryCache.set(record, (entries = Object.entries(record)));
  return entries;
}

function equal(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && JSON.stringify(a) === JSON.stringify(b));
}

const newResult = (): Result => ({ errors: [], unknown: [], evaluated: undefined, described: false });

/**
 * Checks `value` against `root`. `unknownField(name)` words the warning for a field no
 * subschema describes (only for objects whose schemas list `properties`).
 */
export function checkSchema(root: Record<string, unknown>, value: unknown, unknownField: (name: string) => string): SchemaProblem[] {
  const patterns = new Map<string, RegExp | null>();
  const regex = (source: string): RegExp | null => {
    if (!patterns.has(source)) {
      try {
        patterns.set(source, new RegExp(source, 'u'));
      } catch {
        patterns.set(source, null);
      }
    }
    return patterns.get(source) ?? null;
  };
  const resolved = new Map<string, Schema | undefined>();
  const resolve = (ref: string): Schema | undefined => {
    if (!resolved.has(ref)) {
      let node: unknown = ref.startsWith('#') ? root : undefined;
      for (const part of ref.slice(1).split('/').filter(Boolean)) {
        node = isObject(node) ? node[decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
      }
      resolved.set(ref, typeof node === 'boolean' || isObject(node) ? node : undefined);
    }
    return resolved.get(ref);
  };

  /** Adds `r` to `out` (made when needed); `same`: r describes the same value (its evaluated keys count). */
  const merge = (out: Result | undefined, r: Result | undefined, same: boolean): Result | undefined => {
    if (!r) return out;
    out ??= newResult();
    out.errors.push(...r.errors);
    out.unknown.push(...r.unknown);
    if (same) {
      if (r.evaluated) for (const key of r.evaluated) (out.evaluated ??= new Set()).add(key);
      out.described ||= r.described;
    }
    return out;
  };
  const failed = (out: Result | undefined, path: Path, message: string): Result => {
    out ??= newResult();
    out.errors.push({ path: pathText(path), message, severity: 'error' });
    return out;
  };

  // `child`: v is a new value (the root, a property, an item), not the same value seen
  // through $ref/allOf/anyOf/oneOf/if: only there are fields no subschema describes reported.
  const check = (schema: Schema, v: unknown, path: Path, depth: number, child: boolean): Result | undefined => {
    let out: Result | undefined;
    const fail = (message: string, at: Path = path): void => void (out = failed(out, at, message));
    if (schema === true) return undefined;
    if (schema === false || depth > 64) return failed(undefined, path, 'is not allowed here');
    const s = schema;
    if (typeof s.$ref === 'string') {
      const target = resolve(s.$ref);
      if (target !== undefined) out = merge(out, check(target, v, path, depth + 1, false), true);
    }
    if (s.type !== undefined) {
      const type = typeOf(v);
      const types = Array.isArray(s.type) ? s.type : [s.type];
      if (!types.some((t) => t === type || (t === 'number' && type === 'integer'))) return failed(out, path, `expected ${types.join(' or ')}, got ${type}`);
    }
    if (Array.isArray(s.enum) && !s.enum.some((e) => equal(e, v))) fail(`must be one of ${s.enum.map((e) => JSON.stringify(e)).join(', ')}`);
    if ('const' in s && !equal(s.const, v)) fail(`must be ${JSON.stringify(s.const)}`);

    if (typeof v === 'string') {
      // Code points, counted only when the UTF-16 length leaves the answer open.
      if (typeof s.minLength === 'number' && v.length < s.minLength * 2 && codePoints(v) < s.minLength) fail(`is shorter than ${s.minLength} characters`);
      if (typeof s.maxLength === 'number' && v.length > s.maxLength && codePoints(v) > s.maxLength) fail(`is longer than ${s.maxLength} characters`);
      if (typeof s.pattern === 'string' && regex(s.pattern)?.test(v) === false) fail(`does not match the pattern ${s.pattern}`);
    } else if (typeof v === 'number') {
      if (typeof s.minimum === 'number' && v < s.minimum) fail(`is less than ${s.minimum}`);
      if (typeof s.maximum === 'number' && v > s.maximum) fail(`is more than ${s.maximum}`);
      if (typeof s.exclusiveMinimum === 'number' && v <= s.exclusiveMinimum) fail(`must be more than ${s.exclusiveMinimum}`);
      if (typeof s.exclusiveMaximum === 'number' && v >= s.exclusiveMaximum) fail(`must be less than ${s.exclusiveMaximum}`);
    } else if (Array.isArray(v)) {
      if (typeof s.minItems === 'number' && v.length < s.minItems) fail(`has fewer than ${s.minItems} entries`);
      if (typeof s.maxItems === 'number' && v.length > s.maxItems) fail(`has more than ${s.maxItems} entries`);
      if (s.uniqueItems === true && new Set(v.map((item) => (typeof item === 'object' ? JSON.stringify(item) : item))).size !== v.length) fail('has duplicate entries');
      if (typeof s.items === 'boolean' || isObject(s.items)) {
        for (let i = 0; i < v.length; i++) out = merge(out, check(s.items as Schema, v[i], { up: path, key: i }, depth + 1, true), false);
      }
    } else if (isObject(v)) {
      if (Array.isArray(s.required)) for (const key of s.required) if (typeof key === 'string' && !(key in v)) fail('is missing', { up: path, key });
      const keys = Object.keys(v);
      if (typeof s.minProperties === 'number' && keys.length < s.minProperties) fail(`has fewer than ${s.minProperties} entries`);
      if (typeof s.maxProperties === 'number' && keys.length > s.maxProperties) fail(`has more than ${s.maxProperties} entries`);
      const properties = isObject(s.properties) ? s.properties : undefined;
      const patternProperties = isObject(s.patternProperties) ? entriesOf(s.patternProperties) : undefined;
      const additional = s.additionalProperties;
      if (properties || patternProperties || additional !== undefined || s.propertyNames !== undefined) {
        out ??= newResult();
        if (properties) out.described = true;
        for (const key of keys) {
          const at = { up: path, key };
          let matched = false;
          if (properties && Object.hasOwn(properties, key)) {
            matched = true;
            out = merge(out, check(properties[key] as Schema, v[key], at, depth + 1, true), false);
          }
          if (patternProperties) {
            for (const [source, sub] of patternProperties) {
              if (regex(source)?.test(key)) {
                matched = true;
                out = merge(out, check(sub as Schema, v[key], at, depth + 1, true), false);
              }
            }
          }
          if (s.propertyNames !== undefined) out = merge(out, check(s.propertyNames as Schema, key, at, depth + 1, false), false);
          if (!matched && additional === false) fail('is not allowed here', at);
          else if (!matched && isObject(additional)) {
            matched = true;
            out = merge(out, check(additional, v[key], at, depth + 1, true), false);
          }
          if (matched || additional === true) (out!.evaluated ??= new Set()).add(key);
        }
      }
    }

    if (Array.isArray(s.allOf)) for (const sub of s.allOf) out = merge(out, check(sub as Schema, v, path, depth + 1, false), true);
    for (const keyword of ['anyOf', 'oneOf'] as const) {
      const branches = s[keyword];
      if (!Array.isArray(branches)) continue;
      const results = branches.map((sub) => check(sub as Schema, v, path, depth + 1, false));
      const passing = results.filter((r) => !r || r.errors.length === 0);
      if (passing.length === 0) {
        // The branch that got furthest says most about what is wrong.
        const best = results.reduce((a, b) => ((b as Result).errors.length < (a as Result).errors.length ? b : a)) as Result;
        if (results.length === 1) out = merge(out, best, true);
        else fail(`matches none of the allowed forms (closest: ${best.errors[0]?.path || 'here'} ${best.errors[0]?.message ?? ''})`.trim());
      } else if (keyword === 'oneOf' && passing.length > 1) {
        fail('matches more than one of the allowed forms');
      } else out = merge(out, passing[0], true);
    }
    if (s.not !== undefined && !check(s.not as Schema, v, path, depth + 1, false)?.errors.length) fail('has a form that is not allowed');
    if (s.if !== undefined) {
      const branch = check(s.if as Schema, v, path, depth + 1, false)?.errors.length ? s.else : s.then;
      if (branch !== undefined) out = merge(out, check(branch as Schema, v, path, depth + 1, false), true);
    }
    if (child && out?.described && isObject(v)) {
      const { evaluated, unknown } = out;
      for (const key of Object.keys(v)) if (!evaluated?.has(key)) unknown.push({ path: pathText({ up: path, key }), message: unknownField(key), severity: 'warning' });
    }
    return out;
  };

  const result = check(root, value, null, 0, true);
  return result ? [...result.errors, ...result.unknown] : [];
}
