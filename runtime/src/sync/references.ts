import type { Store } from '../store/types.ts';
import { normalizeEmail, normalizeName } from './match.ts';
import { type Flat, isEmpty } from './values.ts';

/** How a reference to another entity is held in canonical values: by Ferry id. */
export const REF_PREFIX = '@ferry:';

/**
 * Replaces each reference field's value (a system's own id of the other entity, or an email or
 * name the match rules know) by that entity's Ferry id, so that both systems' values compare
 * equal. A value no identity or match key knows is kept as it is: the entity it names has not
 * been synced yet.
 */
export async function referencesToFerry(
  store: Store,
  references: Record<string, string>,
  system: string,
  values: Flat,
): Promise<void> {
  for (const [field, entity] of Object.entries(references)) {
    // a reference is a scalar (the other system's id, an email) or a CustomerRef-like object
    // flattened to field.externalId / field.email / field.domain / field.name
    const parts = Object.keys(values).filter((k) => k === field || k.startsWith(`${field}.`));
    const part = (name: string) =>
      values[parts.includes(`${field}.${name}`) ? `${field}.${name}` : ''];
    const scalar = values[field];
    const ids = [part('externalId'), typeof scalar === 'object' ? undefined : scalar].filter(
      (v) => !isEmpty(v),
    );
    let ferryId: string | undefined;
    for (const id of ids) ferryId ??= await store.findIdentity(entity, system, String(id));
    if (ferryId === undefined) {
      const keys = [
        ...[part('email'), scalar].map((v) => normalizeEmail(v)).map((k) => k && `email:${k}`),
        ...[part('domain')].map((v) =>
          typeof v === 'string' && v !== '' ? `domain:${v.toLowerCase()}` : undefined,
        ),
        ...[part('name'), scalar].map((v) => normalizeName(v)).map((k) => k && `name:${k}`),
      ].filter((k): k is string => typeof k === 'string');
      const matches = await store.syncMatches(entity, keys);
      ferryId = keys.map((k) => matches.get(k)).find((id) => id !== undefined);
    }
    if (ferryId === undefined) continue;
    for (const k of parts) delete values[k];
    values[field] = `${REF_PREFIX}${ferryId}`;
  }
}

/**
 * The target system's own ids for the references among `fields`; false when one names an
 * entity the target does not hold yet (the push waits for a later cycle). Ids that are whole
 * numbers become numbers (Odoo's many2one ids); the value becomes `{ externalId }`.
 */
export async function referencesToSystem(
  store: Store,
  references: Record<string, string>,
  system: string,
  fields: Flat,
): Promise<Flat | false> {
  const out: Flat = { ...fields };
  for (const [field, entity] of Object.entries(references)) {
    const value = out[field];
    if (typeof value !== 'string') continue;
    if (!value.startsWith(REF_PREFIX)) return false;
    const ids = await store.identitiesOf(entity, value.slice(REF_PREFIX.length));
    const id = ids.find((i) => i.system === system)?.externalId;
    if (id === undefined) return false;
    // as an object, so a canonical reference (CustomerRef) reads it as `externalId`
    out[field] = { externalId: /^\d+$/.test(id) ? Number(id) : id };
  }
  return out;
}
