// The property registry of each object type, and the validation of written values as HubSpot
// reports it ("Property values were not valid: [...]" with PROPERTY_DOESNT_EXIST and friends).
// Sources: https://developers.hubspot.com/docs/guides/crm/using-object-apis (properties, unique
// idProperty), https://developers.hubspot.com/docs/api-reference/error-handling (validation
// body), https://developers.hubspot.com/docs/faq/how-should-timestamps-be-formatted-for-hubspots-apis
import { BUILT_IN, DEFAULTS, system } from './builtin-properties.ts';
import { hubspotSandboxErrors } from './errors.ts';
import type { HubspotObjectType, HubspotProperty } from './types.ts';

export { DEAL_STAGES, modifiedProperty } from './builtin-properties.ts';

/** One invalid value, in the shape of HubSpot's validation results. */
export interface PropertyProblem {
  name: string;
  error: string;
  message: string;
}

export class PropertyRegistry {
  readonly #types = new Map<HubspotObjectType, Map<string, HubspotProperty>>();

  constructor(custom: Partial<Record<HubspotObjectType, HubspotProperty[]>> = {}) {
    for (const [type, list] of Object.entries(BUILT_IN) as [HubspotObjectType, HubspotProperty[]][])
      this.#types.set(type, new Map([...system(type), ...list].map((p) => [p.name, p])));
    for (const [type, list] of Object.entries(custom) as [HubspotObjectType, HubspotProperty[]][])
      for (const property of list) this.declare(type, property);
  }

  declare(type: HubspotObjectType, property: HubspotProperty): void {
    const known = this.#types.get(type);
    if (!known)
      throw hubspotSandboxErrors.create('FERRY_SANDBOX_HUBSPOT_INVALID', `unknown type ${type}`);
    if (known.get(property.name)?.readOnly)
      throw hubspotSandboxErrors.create(
        'FERRY_SANDBOX_HUBSPOT_INVALID',
        `${type}.${property.name} is a HubSpot property and cannot be redeclared`,
      );
    known.set(property.name, property);
  }

  get(type: HubspotObjectType, name: string): HubspotProperty | undefined {
    return this.#types.get(type)?.get(name);
  }

  uniqueNames(type: HubspotObjectType): string[] {
    return [...(this.#types.get(type)?.values() ?? [])].filter((p) => p.unique).map((p) => p.name);
  }

  /** The properties a response carries: those asked for (unknown ones ignored), or the defaults. */
  returned(type: HubspotObjectType, asked: string[] | undefined): string[] {
    const known = this.#types.get(type) as Map<string, HubspotProperty>;
    const wanted = asked && asked.length > 0 ? asked.filter((n) => known.has(n)) : DEFAULTS[type];
    // createdate, the modification date and hs_object_id come back whatever was asked
    return [...new Set([...wanted, ...system(type).map((p) => p.name)])];
  }

  /** The stored form of written values, and the problems HubSpot would report for them. */
  validate(
    type: HubspotObjectType,
    properties: Record<string, unknown>,
  ): { values: Record<string, string | null>; problems: PropertyProblem[] } {
    const values: Record<string, string | null> = {};
    const problems: PropertyProblem[] = [];
    for (const [name, raw] of Object.entries(properties)) {
      const property = this.get(type, name);
      const problem = property ? checkValue(property, raw) : doesNotExist(name);
      if (problem) problems.push(problem);
      else values[name] = normalise(property as HubspotProperty, raw);
    }
    return { values, problems };
  }
}

function doesNotExist(name: string): PropertyProblem {
  return { name, error: 'PROPERTY_DOESNT_EXIST', message: `Property "${name}" does not exist` };
}

// READ_ONLY_VALUE, INVALID_OPTION, INVALID_FLOAT and INVALID_DATETIME mirror HubSpot's naming;
// only PROPERTY_DOESNT_EXIST is in the docs (unverified).
function checkValue(property: HubspotProperty, raw: unknown): PropertyProblem | undefined {
  const { name } = property;
  const fail = (error: string, message: string) => ({ name, error, message });
  if (property.readOnly)
    return fail('READ_ONLY_VALUE', `"${name}" is a read only property; its value cannot be set.`);
  if (raw === null || raw === '') return undefined;
  if (typeof raw === 'object') return fail('INVALID_VALUE', `${JSON.stringify(raw)} is not valid`);
  const value = String(raw);
  switch (property.type) {
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(value)
        ? undefined
        : fail('INVALID_FLOAT', `${value} was not a valid number.`);
    case 'bool':
      return value === 'true' || value === 'false'
        ? undefined
        : fail('INVALID_BOOLEAN', `${value} was not a valid boolean.`);
    case 'enumeration':
      return property.options?.includes(value)
        ? undefined
        : fail(
            'INVALID_OPTION',
            `${value} was not one of the allowed options: [${property.options}]`,
          );
    case 'datetime':
      return toIso(value) === undefined
        ? fail('INVALID_DATETIME', `${value} is not a valid datetime (epoch milliseconds)`)
        : undefined;
    default:
      return undefined;
  }
}

function normalise(property: HubspotProperty, raw: unknown): string | null {
  if (raw === null) return null;
  if (property.type === 'datetime' && raw !== '') return toIso(String(raw)) as string;
  return String(raw);
}

/** Epoch milliseconds (documented) or an ISO 8601 string (unverified), as ISO with ms. */
function toIso(value: string): string | undefined {
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

/** HubSpot's message for invalid property values. */
export function validationMessage(problems: PropertyProblem[]): string {
  const results = problems.map((p) => ({
    isValid: false,
    message: p.message,
    error: p.error,
    name: p.name,
  }));
  return `Property values were not valid: ${JSON.stringify(results)}`;
}
