// Run by crash-safety.test.ts in a child process, which the test kills with SIGKILL while it
// writes:  node --conditions=@ferry/source --import tsx test/crash-child.ts <mode> <file>
//   replace: starts replacing the file, writes part of the new content, says "ready", hangs;
//   upsert:  upserts records 0..999 with v: "new" through the connector (the real path).
import { fileURLToPath } from 'node:url';
import { openConnector } from '@ferry/declarative';
import { replaceFile } from '../src/atomic.ts';

const [mode, path = ''] = process.argv.slice(2);

if (mode === 'replace') {
  await replaceFile(path, async (out) => {
    await out.write('{"id":"partial","v":"'.padEnd(200_000, 'x'));
    await out.flush();
    console.log('ready');
    await new Promise(() => {});
  });
} else if (mode === 'upsert') {
  const connector = await openConnector(fileURLToPath(new URL('..', import.meta.url)));
  const batch = Array.from({ length: 1000 }, (_, id) => ({ id, v: 'new' }));
  console.log('ready');
  for await (const _ of connector.write({ path }, 'records', [batch])) {
    // the test looks at the file, not at the results
  }
  console.log('done');
}
