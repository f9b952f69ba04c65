import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scaffoldErrors } from './errors.ts';

export const CONNECTOR_TEMPLATES = ['declarative', 'code', 'destination'] as const;
export type ConnectorTemplate = (typeof CONNECTOR_TEMPLATES)[number];

export const TEMPLATE_DESCRIPTIONS: Record<ConnectorTemplate, string> = {
  declarative: 'an HTTP API described in connector.yaml, no code',
  code: 'a TypeScript read handler and check, for what a manifest cannot express',
  destination: 'a TypeScript write handler: keyed upserts into a JSON Lines file',
};

/** The template folders a connector is made from, in order: later ones win. */
export function connectorLayers(template: ConnectorTemplate): string[] {
  return ['connector-shared', template === 'destination' ? 'destination' : `connector-${template}`];
}

// A published @ferry/cli carries the templates in its own folder; in the repository they are
// at the root (the same path from src/ and dist/).
const CANDIDATES = ['../../../templates', '../../../../templates'].map((path) =>
  fileURLToPath(new URL(path, import.meta.url)),
);

/** The folder holding the templates. */
export async function templatesRoot(): Promise<string> {
  for (const dir of CANDIDATES) {
    if (
      await access(join(dir, 'connector-shared')).then(
        () => true,
        () => false,
      )
    )
      return dir;
  }
  throw scaffoldErrors.create(
    'FERRY_NEW_TEMPLATES_MISSING',
    `no templates folder in ${CANDIDATES.join(' or ')}`,
  );
}
