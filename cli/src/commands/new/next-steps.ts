import { shown } from '../../output.ts';
import type { ConnectorTemplate } from './templates.ts';

/** What to do after `ferry new connector`, as printed lines. */
export function connectorNextSteps(options: {
  packageName: string;
  template: ConnectorTemplate;
  target: string;
  insideRepository: boolean;
  replaced: string[];
}): string[] {
  const lines = [
    `created ${options.packageName} (${options.template} template) in ${shown(options.target)}`,
  ];
  if (options.replaced.length > 0) lines.push(`replaced (--force): ${options.replaced.join(', ')}`);
  const destination = options.template === 'destination';
  lines.push(
    '',
    'next steps:',
    `  cd ${shown(options.target)}`,
    ...(options.insideRepository ? [] : ['  npm install']),
    destination
      ? '  npm test                  # unit and conformance tests'
      : '  npm test                  # regression and conformance tests',
    '  npx ferry validate .      # after each change to connector.yaml',
    destination
      ? '  npx ferry test . --config <file> --samples test/samples.json'
      : '  npx ferry test .          # the conformance suite offline on fixtures/, then npm test',
    '',
    destination
      ? 'then adapt src/rows.ts to your destination (npm run generate after changing the config schema).'
      : 'then point connector.yaml at your API (npm run generate after changing the config schema) and record fixtures from it: npx ferry record . --config <file>',
  );
  return lines;
}
