import { closest, distance } from 'fastest-levenshtein';
import {
  createAjv,
  type ErrorObject,
  schemaAjv,
  schemaAt,
  type ValidateFunction,
  validatorFor,
} from './schema-validator.ts';

/** A schema violation in plain words, located by path segments inside the validated value. */
export interface SchemaProblem {
  code:
    | 'FERRY_SCHEMA_UNKNOWN_KEY'
    | 'FERRY_SCHEMA_MISSING_KEY'
    | 'FERRY_SCHEMA_WRONG_TYPE'
    | 'FERRY_SCHEMA_BAD_VALUE';
  segments: (string | number)[];
  /** The problem is the key itself (unknown or misnamed), not its value. */
  atKey: boolean;
  message: string;
  hint?: string;
}

type Schema = Record<string, unknown>;

/** How to look up a local `$ref` and compile one anyOf branch, for the schema being explained. */
interface Scope {
  resolve(ref: string): Schema | undefined;
  branch(schema: Schema): ValidateFunction;
}

/** Validates `data` against a Ferry schema (or a location in one) and explains every violation. */
export function checkAgainst(ref: string, data: unknown): SchemaProblem[] {
  const validate = validatorFor(ref);
  if (validate(data)) return [];
  const rootId = ref.split('#')[0] ?? ref;
  return explain(validate.errors ?? [], data, ferryScope(rootId));
}

const userValidators = {
  plain: new WeakMap<object, { validate: ValidateFunction; scope: Scope }>(),
  withDefaults: new WeakMap<object, { validate: ValidateFunction; scope: Scope }>(),
};

/**
 * Validates `data` against a JSON Schema written by a connector author (a config or record
 * schema) and explains every violation the same way. With `useDefaults`, defaults are filled in.
 */
export function checkWithSchema(
  schema: object,
  data: unknown,
  options: { useDefaults?: boolean } = {},
): SchemaProblem[] {
  const cache = options.useDefaults ? userValidators.withDefaults : userValidators.plain;
  let entry = cache.get(schema);
  if (!entry) {
    const ajv = createAjv({ strictSchema: false, useDefaults: options.useDefaults ?? false });
    const root = schema as Schema;
    const scope: Scope = {
      resolve: (ref) => lookup(root, ref),
      branch: (branch) =>
        ajv.compile({ ...branch, $defs: root.$defs, definitions: root.definitions } as Schema),
    };
    entry = { validate: ajv.compile(schema), scope };
    cache.set(schema, entry);
  }
  if (entry.validate(data)) return [];
  return explain(entry.validate.errors ?? [], data, entry.scope);
}

function ferryScope(rootId: string): Scope {
  return {
    resolve: (ref) => schemaAt(`${rootId}${ref}`) as Schema | undefined,
    branch: (branch) => branchValidator(branch, rootId),
  };
}

function lookup(root: Schema, ref: string): Schema | undefined {
  let node: unknown = root;
  for (const raw of ref.replace(/^#/, '').split('/').slice(1)) {
    node = (node as Record<string, unknown> | undefined)?.[
      raw.replace(/~1/g, '/').replace(/~0/g, '~')
    ];
  }
  return node as Schema | undefined;
}

function explain(errors: ErrorObject[], data: unknown, scope: Scope): SchemaProblem[] {
  const consumed = new Set<number>();
  const problems: SchemaProblem[] = [];
  errors.forEach((error, index) => {
    if (error.keyword === 'if' || error.keyword === 'propertyNames') consumed.add(index);
    if (error.keyword !== 'anyOf') return;
    consumed.add(index);
    const anyOfPath = error.schemaPath;
    const ownerPath = anyOfPath.slice(0, -'/anyOf'.length);
    for (let j = index - 1; j >= 0; j--) {
      const e = errors[j] as ErrorObject;
      if (!isAtOrUnder(e.instancePath, error.instancePath)) break;
      const inBranch =
        e.schemaPath.startsWith(`${anyOfPath}/`) || !e.schemaPath.startsWith(`${ownerPath}/`);
      if (inBranch) consumed.add(j);
    }
    problems.push(...explainAnyOf(error, scope));
  });
  errors.forEach((error, index) => {
    if (!consumed.has(index)) problems.push(describe(error, data, scope));
  });
  return dedupe(problems);
}

/** Picks the branch of a failed anyOf that the value was meant for, by its JSON type. */
function explainAnyOf(error: ErrorObject, scope: Scope): SchemaProblem[] {
  const segments = pointerSegments(error.instancePath);
  const branches = ((error.parentSchema as Schema).anyOf as Schema[]).map((b) => resolve(b, scope));
  const actual = jsonType(error.data);
  const candidates = branches
    .map((branch, i) => ({ branch, i }))
    .filter(({ branch }) =>
      allowedTypes(branch).some((t) => t === actual || (t === 'number' && actual === 'integer')),
    );
  if (candidates.length === 0) {
    const types = [...new Set(branches.flatMap(allowedTypes))];
    return [
      {
        code: 'FERRY_SCHEMA_WRONG_TYPE',
        segments,
        atKey: false,
        message: `must be ${types.map(article).join(' or ')}, got ${article(actual)}`,
        ...hintFrom(error.parentSchema as Schema),
      },
    ];
  }
  if (candidates.length === 1) {
    const only = candidates[0] as { branch: Schema };
    const validate = scope.branch(only.branch);
    if (validate(error.data)) return [];
    const inner = explain(validate.errors ?? [], error.data, scope);
    return inner.map((p) => ({ ...p, segments: [...segments, ...p.segments] }));
  }
  return [
    {
      code: 'FERRY_SCHEMA_BAD_VALUE',
      segments,
      atKey: false,
      message: 'does not match any of the allowed forms',
      ...hintFrom(error.parentSchema as Schema),
    },
  ];
}

const branchValidators = new WeakMap<Schema, ValidateFunction>();

/** A validator for one anyOf branch; its local refs are made absolute so they still resolve. */
function branchValidator(branch: Schema, rootId: string): ValidateFunction {
  let validate = branchValidators.get(branch);
  if (!validate) {
    const absolute = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(absolute);
      if (typeof node !== 'object' || node === null) return node;
      return Object.fromEntries(
        Object.entries(node).map(([k, v]) => [
          k,
          k === '$ref' && typeof v === 'string' && v.startsWith('#')
            ? `${rootId}${v}`
            : absolute(v),
        ]),
      );
    };
    validate = schemaAjv().compile(absolute(branch) as Schema);
    branchValidators.set(branch, validate);
  }
  return validate;
}

function describe(error: ErrorObject, data: unknown, scope: Scope): SchemaProblem {
  const segments = pointerSegments(error.instancePath);
  const parent = (error.parentSchema ?? {}) as Schema;
  const value = error.data;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const allowed = Object.keys((parent.properties as Schema | undefined) ?? {}).filter(
        (k) => k !== '$schema',
      );
      return {
        code: 'FERRY_SCHEMA_UNKNOWN_KEY',
        segments: [...segments, key],
        atKey: true,
        message: `unknown key '${key}'`,
        hint: suggestion(key, allowed) ?? `allowed keys here: ${allowed.join(', ')}`,
      };
    }
    case 'required': {
      const key = String(error.params.missingProperty);
      const raw = (parent.properties as Record<string, Schema> | undefined)?.[key];
      const spec = raw ? resolve(raw, scope) : undefined;
      const about =
        typeof spec?.description === 'string' ? ` (${spec.description.replace(/\.$/, '')})` : '';
      return {
        code: 'FERRY_SCHEMA_MISSING_KEY',
        segments: [...segments, key],
        atKey: false,
        message: `missing required key '${key}'`,
        hint: `add '${key}'${about}${examplesOf(spec)}`,
      };
    }
    case 'type':
      return {
        code: 'FERRY_SCHEMA_WRONG_TYPE',
        segments,
        atKey: false,
        message: `must be ${String(error.params.type).split(',').map(article).join(' or ')}, got ${article(jsonType(value))}`,
        ...hintFrom(parent),
      };
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v));
      const near =
        typeof value === 'string'
          ? suggestion(value, (error.params.allowedValues as unknown[]).map(String))
          : undefined;
      return {
        code: 'FERRY_SCHEMA_BAD_VALUE',
        segments,
        atKey: false,
        message: `${JSON.stringify(value)} is not allowed; use one of: ${allowed.join(', ')}`,
        ...(near ? { hint: near } : {}),
      };
    }
    case 'const':
      return {
        code: 'FERRY_SCHEMA_BAD_VALUE',
        segments,
        atKey: false,
        message: `must be ${JSON.stringify(error.params.allowedValue)}, got ${JSON.stringify(value)}`,
      };
    case 'pattern': {
      const named = error.propertyName;
      return {
        code: named === undefined ? 'FERRY_SCHEMA_BAD_VALUE' : 'FERRY_SCHEMA_UNKNOWN_KEY',
        segments: named === undefined ? segments : [...segments, named],
        atKey: named !== undefined,
        message: `${JSON.stringify(named ?? value)} is not in the expected form`,
        hint: `${typeof parent.description === 'string' ? `${parent.description} ` : ''}${examplesOf(parent) || `(pattern ${String(error.params.pattern)})`}`.trim(),
      };
    }
    case 'minLength':
      return {
        code: 'FERRY_SCHEMA_BAD_VALUE',
        segments,
        atKey: false,
        message: 'must not be empty',
      };
    case 'minItems':
      return {
        code: 'FERRY_SCHEMA_BAD_VALUE',
        segments,
        atKey: false,
        message: `must have at least ${String(error.params.limit)} item(s)`,
      };
    case 'minProperties':
    case 'maxProperties': {
      const keys = Object.keys((parent.properties as Schema | undefined) ?? {});
      const exactlyOne = parent.minProperties === 1 && parent.maxProperties === 1;
      return {
        code: 'FERRY_SCHEMA_BAD_VALUE',
        segments,
        atKey: false,
        message: exactlyOne
          ? `must have exactly one of: ${keys.join(', ')}`
          : `must have ${error.keyword === 'minProperties' ? 'at least' : 'at most'} ${String(error.params.limit)} key(s)`,
      };
    }
    default:
      return {
        code: 'FERRY_SCHEMA_BAD_VALUE',
        segments,
        atKey: false,
        message: error.message ?? `fails the '${error.keyword}' rule`,
        ...(data === undefined ? {} : hintFrom(parent)),
      };
  }
}

/** "did you mean 'x'?" for the closest candidate, when it is close enough to be a typo. */
export function suggestion(word: string, candidates: string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const lower = candidates.find((c) => c.toLowerCase() === word.toLowerCase());
  const best = lower ?? closest(word, candidates);
  const limit = Math.max(2, Math.floor(word.length / 3));
  return lower || distance(word.toLowerCase(), best.toLowerCase()) <= limit
    ? `did you mean '${best}'?`
    : undefined;
}

function hintFrom(schema: Schema): { hint?: string } {
  const examples = examplesOf(schema);
  return examples ? { hint: examples.trim() } : {};
}

function examplesOf(schema: Schema | undefined): string {
  const examples = schema?.examples;
  if (!Array.isArray(examples) || examples.length === 0) return '';
  return ` e.g. ${examples.map((e) => JSON.stringify(e)).join(', ')}`;
}

function resolve(schema: Schema, scope: Scope): Schema {
  const ref = schema.$ref;
  if (typeof ref === 'string' && ref.startsWith('#')) return scope.resolve(ref) ?? schema;
  return schema;
}

function allowedTypes(schema: Schema): string[] {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type as string[];
  if ('const' in schema) return [jsonType(schema.const)];
  if (Array.isArray(schema.enum)) return [...new Set(schema.enum.map(jsonType))];
  return ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'];
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function article(type: string): string {
  const names: Record<string, string> = {
    array: 'a list',
    object: 'a mapping (object)',
    string: 'a string',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'true or false',
    null: 'null',
    undefined: 'nothing',
  };
  return names[type] ?? type;
}

function isAtOrUnder(path: string, root: string): boolean {
  return path === root || path.startsWith(`${root}/`);
}

function pointerSegments(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .split('/')
    .slice(1)
    .map((raw) => {
      const s = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      return /^\d+$/.test(s) ? Number(s) : s;
    });
}

function dedupe(problems: SchemaProblem[]): SchemaProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const id = `${p.code}|${p.segments.join('/')}|${p.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
