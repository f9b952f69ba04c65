import { serviceErrors } from './errors.ts';
import { run } from './run.ts';

/** The uid and gid of a system user (through `id`, so NSS users count too). */
export async function lookupUser(name: string): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([
    run({ command: 'id', args: ['-u', name] }),
    run({ command: 'id', args: ['-g', name] }),
  ]);
  if (uid.code !== 0 || gid.code !== 0)
    throw serviceErrors.create(
      'FERRY_POSTGRES_SYSTEM_USER_MISSING',
      `running as root, PostgreSQL must run as another user, and the user '${name}' does not exist (${uid.output.trim()})`,
    );
  return { uid: Number(uid.output.trim()), gid: Number(gid.output.trim()) };
}
