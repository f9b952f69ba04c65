import { existsSync } from 'node:fs';
import { loadProject, SqliteStore } from '@ferry/runtime';

/**
 * The project's store (`.ferry/ferry.db` beside the project file), for commands that only read
 * it: the project file is validated, connectors are not loaded. Undefined when nothing has run
 * yet (no store file), so that reading does not create one.
 */
export async function openProjectStore(projectFile: string): Promise<SqliteStore | undefined> {
  const project = await loadProject(projectFile);
  if (!existsSync(project.storePath)) return undefined;
  return SqliteStore.open(project.storePath);
}
