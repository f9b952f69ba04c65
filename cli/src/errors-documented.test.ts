import { readFile } from 'node:fs/promises';
import { engineErrors } from '@ferry/declarative';
import { manifestErrors, undocumentedCodes } from '@ferry/manifest';
import {
  daemonErrors,
  installErrors,
  pipelineErrors,
  projectErrors,
  schedulerErrors,
  storeErrors,
  syncErrors,
} from '@ferry/runtime';
import {
  hubspotSandboxErrors,
  salesforceSandboxErrors,
  sandboxErrors,
  serviceErrors,
  testkitErrors,
} from '@ferry/testkit';
import { describe, expect, it } from 'vitest';
import { scaffoldErrors } from './commands/new/errors.ts';
import { cliErrors } from './errors.ts';

// Every package's error table: the CLI depends on all of them.
const tables = {
  '@ferry/manifest': manifestErrors,
  '@ferry/declarative': engineErrors,
  '@ferry/runtime (pipeline)': pipelineErrors,
  '@ferry/runtime (store)': storeErrors,
  '@ferry/runtime (installs)': installErrors,
  '@ferry/runtime (projects)': projectErrors,
  '@ferry/runtime (scheduler)': schedulerErrors,
  '@ferry/runtime (daemon)': daemonErrors,
  '@ferry/runtime (two-way sync)': syncErrors,
  '@ferry/testkit (record/replay)': testkitErrors,
  '@ferry/testkit (services)': serviceErrors,
  '@ferry/testkit (sandboxes)': sandboxErrors,
  '@ferry/testkit (HubSpot sandbox)': hubspotSandboxErrors,
  '@ferry/testkit (Salesforce sandbox)': salesforceSandboxErrors,
  '@ferry/cli': cliErrors,
  '@ferry/cli (scaffolding)': scaffoldErrors,
};

describe('error codes', () => {
  it('are all documented in docs/errors.md, and the document lists no code that no table has', async () => {
    const doc = await readFile(new URL('../../docs/errors.md', import.meta.url), 'utf8');
    for (const [pkg, table] of Object.entries(tables))
      expect({ pkg, missing: undocumentedCodes(table, doc) }).toEqual({ pkg, missing: [] });
    const known = new Set([
      ...Object.values(tables).flatMap((t) => Object.keys(t.codes)),
      'FERRY_INTERNAL',
    ]);
    // connectors keep their own tables (a connector depends on @ferry/sdk only); each checks
    // its codes against its own section in its tests
    const platformDoc = doc
      .split(/^(?=## )/m)
      .filter((section) => !section.startsWith('## @ferry/connector-'))
      .join('');
    const documented = [...platformDoc.matchAll(/^### `(FERRY_[A-Z0-9_]+)`$/gm)].map((m) => m[1]);
    expect(documented.filter((code) => !known.has(code as string))).toEqual([]);
  });

  it('are unique across packages', () => {
    const all = Object.values(tables).flatMap((t) => Object.keys(t.codes));
    expect(all.length).toBe(new Set(all).size);
  });
});
