import { describeRegression } from './regression.ts';
import { GITHUB, recordGitHub } from './test-support.ts';

// What `ferry record` generates, on fixtures recorded just now against the fake GitHub API,
// which is closed before the tests replay them.
const { fixtures } = await recordGitHub();

describeRegression({ connector: GITHUB, fixtures });
