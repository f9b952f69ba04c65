import { titleOf } from './names.ts';
import type { Ask } from './prompts.ts';
import { CONNECTOR_TEMPLATES, type ConnectorTemplate, TEMPLATE_DESCRIPTIONS } from './templates.ts';

export interface ConnectorAnswers {
  template: ConnectorTemplate;
  title: string;
  description: string;
}

/** The description a connector gets when none is given. */
export function defaultDescription(template: ConnectorTemplate, title: string): string {
  return template === 'destination'
    ? `Ferry destination for ${title}: keyed upserts into a JSON Lines file.`
    : `Ferry connector for ${title}.`;
}

/**
 * The answers for `ferry new connector`: what the flags gave, then, for what they did not, a
 * question when `ask` is given (on a terminal) or else the default.
 */
export async function connectorAnswers(
  short: string,
  given: Partial<ConnectorAnswers>,
  ask: Ask | undefined,
): Promise<ConnectorAnswers> {
  const template =
    given.template ??
    (ask
      ? await ask.choose(
          'Template',
          CONNECTOR_TEMPLATES.map((value) => ({
            value,
            description: TEMPLATE_DESCRIPTIONS[value],
          })),
          'declarative',
        )
      : 'declarative');
  const title = given.title ?? (ask ? await ask.text('Title', titleOf(short)) : titleOf(short));
  const description =
    given.description ??
    (ask
      ? await ask.text('Description', defaultDescription(template, title))
      : defaultDescription(template, title));
  return { template, title, description };
}
