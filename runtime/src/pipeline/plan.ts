import { type Connector, openConnector } from '@ferry/declarative';
import type { JsonObject } from '@ferry/sdk';
import type { RunPlan } from './execute-run.ts';

/** A run described with plain data, so it can cross into a worker thread. */
export interface PlanSpec {
  runId: string;
  recipe: string;
  projectFile?: string;
  /** `target` is an opened connector's folder or manifest file. */
  source: { target: string; config: JsonObject; stream: string; state?: JsonObject };
  destination: { target: string; config: JsonObject; stream: string };
  mapping?: Record<string, string>;
  tolerance?: { maxFailures?: number; maxFailureRatio?: number };
  records?: JsonObject[];
}

const opened = new Map<string, Promise<Connector>>();

/** Opens the connectors a plan names (once per thread) and finds the source stream's schema. */
export async function openPlan(spec: PlanSpec): Promise<RunPlan> {
  const open = (target: string) => {
    let connector = opened.get(target);
    if (!connector) {
      connector = openConnector(target);
      opened.set(target, connector);
      connector.catch(() => opened.delete(target));
    }
    return connector;
  };
  const [source, destination] = await Promise.all([
    open(spec.source.target),
    open(spec.destination.target),
  ]);
  const stream = source.discover().find((s) => s.name === spec.source.stream);
  return {
    runId: spec.runId,
    recipe: spec.recipe,
    ...(spec.projectFile ? { projectFile: spec.projectFile } : {}),
    source: { ...spec.source, connector: source, schema: stream?.schema ?? { type: 'object' } },
    destination: { ...spec.destination, connector: destination },
    ...(spec.mapping ? { mapping: spec.mapping } : {}),
    ...(spec.tolerance ? { tolerance: spec.tolerance } : {}),
    ...(spec.records ? { records: spec.records } : {}),
  };
}
