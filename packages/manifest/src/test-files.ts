import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Test support: writes files (path -> text, or a value written as JSON) into a new temp folder. */
export async function writeTree(files: Record<string, string | object>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'ferry-test-'));
  for (const [path, content] of Object.entries(files)) {
    const file = join(root, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(
      file,
      typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`,
    );
  }
  return root;
}

/** A small valid manifest, as YAML text; tests break it on purpose. */
export const VALID_MANIFEST = `name: "@acme/connector-shop"
title: Shop
runtime: "^1"
config:
  type: object
  required: [apiKey]
  properties:
    apiKey: { type: string, x-secret: true }
    baseUrl: { type: string, default: "https://shop.example.com" }
http:
  baseUrl: "{{ config.baseUrl }}"
  auth: { type: api-key, in: header, name: X-Api-Key, value: "{{ config.apiKey }}" }
streams:
  - name: orders
    schema:
      type: object
      properties:
        id: { type: integer }
        updated: { type: string }
    primaryKey: id
    cursorField: updated
    read:
      request: { path: /orders }
      records: { path: data }
      pagination: { type: offset, pageSize: 50, inject: { in: query, name: offset } }
check:
  stream: orders
`;
