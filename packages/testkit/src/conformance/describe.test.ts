import { fileURLToPath } from 'node:url';
import { fakeGitHub, makeIssues } from '../../../../connectors/github/test/fake-github.ts';
import { describeConformance } from './describe.ts';

// The one line a connector's test file needs: each check is a test (those that apply to no
// stream, here the writes, are skipped with the reason).
describeConformance(async () => {
  const server = await fakeGitHub('ghp_describe', { 'acme/app': makeIssues(12) });
  return {
    connector: fileURLToPath(new URL('../../../../connectors/github', import.meta.url)),
    config: { token: 'ghp_describe', repositories: ['acme/app'], baseUrl: server.url },
  };
});
