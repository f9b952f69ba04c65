// The objects of the HubSpot sandbox: one table per type, unique-value indexes (email on
// contacts, hs_sku on products), archiving, and the dates HubSpot maintains (createdate, the
// modification date, createdAt/updatedAt). Ids are numeric strings, increasing per type, as in
// https://developers.hubspot.com/docs/guides/crm/using-object-apis
import { modifiedProperty, type PropertyRegistry } from './properties.ts';
import type { HubspotObject, HubspotObjectType } from './types.ts';

/** A write that would give a unique property a value another live object holds. */
export interface Conflict {
  property: string;
  value: string;
  existingId: string;
}

/** The first id of each type, apart so that a test mixing types up sees it. */
const FIRST_ID: Record<HubspotObjectType, number> = {
  contacts: 101,
  companies: 5001,
  deals: 9001,
  products: 13001,
};

class Table {
  readonly objects = new Map<string, HubspotObject>();
  /** unique property -> value -> id of the live object holding it (exact, case-sensitive). */
  readonly unique = new Map<string, Map<string, string>>();
  nextId: number;
  /** Bumped by every change, so lists and searches can cache their results. */
  version = 0;
  /** The live [0] and archived [1] objects in id order, as of a version. */
  lists: ({ version: number; objects: HubspotObject[] } | undefined)[] = [];

  constructor(first: number) {
    this.nextId = first;
  }
}

export class ObjectStore {
  readonly #tables = new Map<HubspotObjectType, Table>();

  constructor(
    readonly registry: PropertyRegistry,
    readonly now: () => Date,
  ) {
    for (const [type, first] of Object.entries(FIRST_ID) as [HubspotObjectType, number][])
      this.#tables.set(type, new Table(first));
  }

  version(type: HubspotObjectType): number {
    return this.#table(type).version;
  }

  /** Objects in id order: live ones, or archived ones (cached until the next change). */
  list(type: HubspotObjectType, archived = false): HubspotObject[] {
    const table = this.#table(type);
    const cached = table.lists[archived ? 1 : 0];
    if (cached?.version === table.version) return cached.objects;
    const objects = [...table.objects.values()].filter((o) => o.archived === archived);
    table.lists[archived ? 1 : 0] = { version: table.version, objects };
    return objects;
  }

  /** Indexes a property declared unique after objects were stored. */
  reindex(type: HubspotObjectType): void {
    for (const object of this.list(type)) this.#index(type, object);
  }

  get(type: HubspotObjectType, id: string, archived = false): HubspotObject | undefined {
    const object = this.#table(type).objects.get(id);
    return object && object.archived === archived ? object : undefined;
  }

  /** The live object whose `property` is exactly `value` (indexed for unique properties). */
  findBy(type: HubspotObjectType, property: string, value: string): HubspotObject | undefined {
    if (property === 'hs_object_id') return this.get(type, value);
    const table = this.#table(type);
    const index = table.unique.get(property);
    if (index) {
      const id = index.get(value);
      return id === undefined ? undefined : table.objects.get(id);
    }
    return this.list(type).find((o) => o.properties[property] === value);
  }

  /** The unique value among `values` that another live object (not `selfId`) already holds. */
  conflict(
    type: HubspotObjectType,
    values: Record<string, string | null>,
    selfId?: string,
  ): Conflict | undefined {
    const table = this.#table(type);
    for (const property of this.registry.uniqueNames(type)) {
      const value = values[property];
      if (value === undefined || value === null || value === '') continue;
      const existingId = table.unique.get(property)?.get(value);
      if (existingId !== undefined && existingId !== selfId) return { property, value, existingId };
    }
    return undefined;
  }

  /**
   * Creates an object from validated values (the caller checked `conflict`), now or, for
   * seeded data, at the given dates.
   */
  create(
    type: HubspotObjectType,
    values: Record<string, string | null>,
    dates?: { createdAt: Date; updatedAt: Date },
  ): HubspotObject {
    const table = this.#table(type);
    const id = String(table.nextId++);
    const created = (dates?.createdAt ?? this.now()).toISOString();
    const updated = dates ? dates.updatedAt.toISOString() : created;
    const object: HubspotObject = {
      id,
      properties: {
        ...values,
        hs_object_id: id,
        createdate: created,
        [modifiedProperty(type)]: updated,
      },
      createdAt: created,
      updatedAt: updated,
      archived: false,
    };
    table.objects.set(id, object);
    this.#index(type, object);
    table.version += 1;
    return object;
  }

  /** Sets validated values on a live object and bumps its modification date. */
  update(
    type: HubspotObjectType,
    object: HubspotObject,
    values: Record<string, string | null>,
    at?: Date,
  ): HubspotObject {
    const table = this.#table(type);
    this.#unindex(type, object);
    const stamp = (at ?? this.now()).toISOString();
    Object.assign(object.properties, values, { [modifiedProperty(type)]: stamp });
    object.updatedAt = stamp;
    this.#index(type, object);
    table.version += 1;
    return object;
  }

  /** Archives a live object (its unique values become free); false when there is none. */
  archive(type: HubspotObjectType, id: string): boolean {
    const object = this.get(type, id);
    if (!object) return false;
    this.#unindex(type, object);
    object.archived = true;
    object.archivedAt = this.now().toISOString();
    this.#table(type).version += 1;
    return true;
  }

  #table(type: HubspotObjectType): Table {
    return this.#tables.get(type) as Table;
  }

  #index(type: HubspotObjectType, object: HubspotObject): void {
    const table = this.#table(type);
    for (const property of this.registry.uniqueNames(type)) {
      const value = object.properties[property];
      if (value === undefined || value === null || value === '') continue;
      const index = table.unique.get(property) ?? new Map<string, string>();
      table.unique.set(property, index);
      index.set(value, object.id);
    }
  }

  #unindex(type: HubspotObjectType, object: HubspotObject): void {
    const table = this.#table(type);
    for (const property of this.registry.uniqueNames(type)) {
      const value = object.properties[property];
      const index = table.unique.get(property);
      if (value && index?.get(value) === object.id) index.delete(value);
    }
  }
}

/** Whether `type` names an object type the sandbox serves. */
export function isObjectType(type: string | undefined): type is HubspotObjectType {
  return type !== undefined && type in FIRST_ID;
}
