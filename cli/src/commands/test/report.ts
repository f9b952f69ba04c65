import type { CheckOutcome } from '@ferry/testkit';
import type { ConnectorTests } from './connector-tests.ts';

const MARK = { passed: '✓', failed: '✗', 'not applicable': '–' } as const;

/** Lines of output a failed connector test run shows (its end, where the failures are). */
const TAIL_LINES = 40;

const indent = (text: string, by = '      ') =>
  text
    .split('\n')
    .map((line) => `${by}${line}`)
    .join('\n');

/**
 * The `ferry test` report: one line per check (✓ passed, ✗ failed, – not applicable), failure
 * messages indented under their check, the connector's own tests, and a summary line.
 */
export function formatReport(
  title: string,
  outcomes: CheckOutcome[],
  tests: ConnectorTests,
): string {
  const lines = [title];
  for (const outcome of outcomes) {
    const name = outcome.stream ? `${outcome.check} (${outcome.stream})` : outcome.check;
    if (outcome.status === 'not applicable')
      lines.push(`  ${MARK[outcome.status]} ${name}: ${outcome.message ?? 'not applicable'}`);
    else lines.push(`  ${MARK[outcome.status]} ${name}`);
    if (outcome.status === 'failed' && outcome.message) lines.push(indent(outcome.message));
  }
  if (tests.status === 'none') lines.push(`  – connector tests: ${tests.reason ?? 'not run'}`);
  else {
    lines.push(`  ${tests.status === 'passed' ? '✓' : '✗'} connector tests (${tests.command})`);
    if (tests.status === 'failed')
      lines.push(indent((tests.output ?? '').trimEnd().split('\n').slice(-TAIL_LINES).join('\n')));
  }
  const count = (status: CheckOutcome['status']) =>
    outcomes.filter((outcome) => outcome.status === status).length;
  const own = (status: ConnectorTests['status']) => (tests.status === status ? 1 : 0);
  const failed = count('failed') + own('failed');
  const summary = [
    `${count('passed') + own('passed')} passed`,
    `${failed} failed`,
    `${count('not applicable') + own('none')} not applicable`,
  ];
  lines.push('', `${failed === 0 ? 'ok' : 'FAILED'}: ${summary.join(', ')}`);
  return lines.join('\n');
}
