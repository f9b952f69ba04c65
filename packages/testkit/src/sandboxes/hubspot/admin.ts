// The admin API of the HubSpot sandbox: what a test or the demo uses to set up and inspect the
// data without going through HTTP (no auth, no limits, no faults), with the validation of
// https://developers.hubspot.com/docs/guides/crm/using-object-apis
import { hubspotSandboxErrors } from './errors.ts';
import { validationMessage } from './properties.ts';
import { isObjectType, type ObjectStore } from './store.ts';
import type { HubspotAdmin, HubspotObject, HubspotObjectType } from './types.ts';

export function createAdmin(store: ObjectStore): HubspotAdmin {
  const invalid = (message: string) =>
    hubspotSandboxErrors.create('FERRY_SANDBOX_HUBSPOT_INVALID', message);
  const known = (type: HubspotObjectType) => {
    if (!isObjectType(type)) throw invalid(`unknown object type '${type}'`);
  };
  const values = (
    type: HubspotObjectType,
    properties: Record<string, unknown>,
    selfId?: string,
  ) => {
    const checked = store.registry.validate(type, properties);
    if (checked.problems.length > 0)
      throw invalid(`${type}: ${validationMessage(checked.problems)}`);
    const conflict = store.conflict(type, checked.values, selfId);
    if (conflict)
      throw invalid(
        `${type}: ${conflict.property} '${conflict.value}' is already used by ${conflict.existingId}`,
      );
    return checked.values;
  };

  return {
    list(type, options = {}) {
      known(type);
      return [...store.list(type, options.archived ?? false)];
    },
    get(type, id) {
      known(type);
      return store.get(type, id);
    },
    findBy(type, property, value) {
      known(type);
      return store.findBy(type, property, value);
    },
    create(type, properties) {
      known(type);
      return store.create(type, values(type, properties));
    },
    update(type, id, properties): HubspotObject {
      known(type);
      const object = store.get(type, id);
      if (!object) throw invalid(`${type}: no live object ${id}`);
      return store.update(type, object, values(type, properties, id));
    },
    delete(type, id) {
      known(type);
      return store.archive(type, id);
    },
    declareProperty(type, property) {
      known(type);
      store.registry.declare(type, property);
      if (property.unique) store.reindex(type);
    },
  };
}
