import type { StreamInfo } from '@ferry/declarative';
import { canonical } from '../conformance/records.ts';

type Schema = { type?: unknown; properties?: Record<string, Schema>; items?: Schema };

function typeOf(schema: Schema | undefined): string {
  if (!schema) return '(any)';
  if (schema.type === undefined) return '(any)';
  return Array.isArray(schema.type) ? [...schema.type].sort().join('|') : String(schema.type);
}

/** Property changes between two record schemas, nested objects included (`user.login`). */
function propertyChanges(a: Schema, b: Schema, prefix: string): string[] {
  const changes: string[] = [];
  const left = a.properties ?? {};
  const right = b.properties ?? {};
  for (const name of Object.keys(left))
    if (!(name in right)) changes.push(`property '${prefix}${name}' removed`);
  for (const name of Object.keys(right))
    if (!(name in left)) changes.push(`property '${prefix}${name}' added`);
  for (const name of Object.keys(left)) {
    const [x, y] = [left[name], right[name]];
    if (!x || !y) continue;
    if (typeOf(x) !== typeOf(y))
      changes.push(`property '${prefix}${name}' type changed from ${typeOf(x)} to ${typeOf(y)}`);
    else changes.push(...propertyChanges(x, y, `${prefix}${name}.`));
  }
  return changes;
}

/** What changed in a stream's discovered description between version a and version b. */
export function schemaChanges(a: StreamInfo | undefined, b: StreamInfo | undefined): string[] {
  if (!a && !b) return [];
  if (!a) return ['stream added'];
  if (!b) return ['stream removed'];
  const changes = propertyChanges(a.schema as Schema, b.schema as Schema, '');
  if (canonical(a.primaryKey) !== canonical(b.primaryKey))
    changes.push(
      `primary key changed from ${a.primaryKey.join(', ')} to ${b.primaryKey.join(', ')}`,
    );
  if (a.cursorField !== b.cursorField)
    changes.push(
      `cursor field changed from ${a.cursorField ?? '(none)'} to ${b.cursorField ?? '(none)'}`,
    );
  return changes;
}
