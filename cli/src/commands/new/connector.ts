import { dirname, join, resolve } from 'node:path';
import { type ConnectorAnswers, connectorAnswers } from './answers.ts';
import { writeConfigTypes } from './config-types.ts';
import { adaptToRepository, schemaLocation } from './inside-repository.ts';
import { connectorName } from './names.ts';
import { connectorNextSteps } from './next-steps.ts';
import type { Ask } from './prompts.ts';
import { findFerryRepository } from './repository.ts';
import { checkTarget, defaultTarget } from './target.ts';
import { connectorLayers, templatesRoot } from './templates.ts';
import { templateFiles, writeTemplateFiles } from './write-template.ts';

export interface NewConnectorFlags extends Partial<ConnectorAnswers> {
  dir?: string;
  force?: boolean;
}

/**
 * `ferry new connector <name>`: names the package, picks its folder (connectors/<name> inside
 * the Ferry repository, ./<name> elsewhere, or --dir), refuses a folder with files unless
 * --force, asks what the flags left out (`ask`, on a terminal), writes the template and
 * generates src/config.ts. Returns the lines to print.
 */
export async function newConnector(
  input: string,
  flags: NewConnectorFlags,
  ask: Ask | undefined,
): Promise<string[]> {
  const explicit = flags.dir === undefined ? undefined : resolve(flags.dir);
  const repository = await findFerryRepository(explicit ? dirname(explicit) : process.cwd());
  const name = connectorName(input, repository !== undefined);
  const target = explicit ?? defaultTarget(name.short, repository, process.cwd());

  const force = flags.force ?? false;
  await checkTarget(target, [], force); // a refusal comes before any question
  const answers = await connectorAnswers(name.short, flags, ask);
  const root = await templatesRoot();
  const layers = connectorLayers(answers.template).map((layer) => join(root, layer));
  const files = await templateFiles(layers);
  const replaced = await checkTarget(
    target,
    files.map((file) => file.path),
    force,
  );
  await writeTemplateFiles(files, target, {
    NAME: name.short,
    PACKAGE: name.packageName,
    TITLE: answers.title,
    DESCRIPTION: answers.description,
    MANIFEST_SCHEMA: schemaLocation(target, repository, 'connector.schema.json'),
  });
  if (repository) await adaptToRepository(target, repository);
  await writeConfigTypes(target);
  return connectorNextSteps({
    packageName: name.packageName,
    template: answers.template,
    target,
    insideRepository: repository !== undefined,
    replaced,
  });
}
