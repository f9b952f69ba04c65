import { describe, expect, it } from 'vitest';
import { connectorAnswers } from './answers.ts';
import { type Ask, canPrompt } from './prompts.ts';

/** Answers questions from a script and notes what was asked, with the default offered. */
function scripted(replies: Record<string, string>) {
  const asked: string[] = [];
  const ask: Ask = {
    async text(message, defaultValue) {
      asked.push(`${message} [${defaultValue}]`);
      return replies[message] ?? defaultValue;
    },
    async choose(message, choices, defaultValue) {
      asked.push(`${message} [${defaultValue}] ${choices.map((c) => c.value).join('|')}`);
      return (replies[message] ?? defaultValue) as typeof defaultValue;
    },
  };
  return { ask, asked };
}

describe('ferry new connector answers', () => {
  it('asks for the template, the title and the description when no option gives them', async () => {
    const { ask, asked } = scripted({ Template: 'code', Title: 'Acme Billing' });
    expect(await connectorAnswers('acme-billing', {}, ask)).toEqual({
      template: 'code',
      title: 'Acme Billing',
      description: 'Ferry connector for Acme Billing.',
    });
    expect(asked).toEqual([
      'Template [declarative] declarative|code|destination',
      'Title [Acme Billing]',
      'Description [Ferry connector for Acme Billing.]',
    ]);
  });

  it('asks only what the options leave out', async () => {
    const { ask, asked } = scripted({ Title: 'Warehouse' });
    const answers = await connectorAnswers(
      'wh',
      { template: 'destination', description: 'D.' },
      ask,
    );
    expect(answers).toEqual({ template: 'destination', title: 'Warehouse', description: 'D.' });
    expect(asked).toEqual(['Title [Wh]']);
  });

  it('uses the defaults without asking when there is no terminal or with --yes', async () => {
    expect(await connectorAnswers('acme-crm', {}, undefined)).toEqual({
      template: 'declarative',
      title: 'Acme Crm',
      description: 'Ferry connector for Acme Crm.',
    });
    expect((await connectorAnswers('jl', { template: 'destination' }, undefined)).description).toBe(
      'Ferry destination for Jl: keyed upserts into a JSON Lines file.',
    );
  });

  it('prompts only when stdin and stdout are terminals and --yes is not given', () => {
    const tty = { stdin: { isTTY: true }, stdout: { isTTY: true } };
    expect(canPrompt({}, tty)).toBe(true);
    expect(canPrompt({ yes: true }, tty)).toBe(false);
    expect(canPrompt({}, { stdin: {}, stdout: { isTTY: true } })).toBe(false);
    expect(canPrompt({}, { stdin: { isTTY: true }, stdout: {} })).toBe(false);
  });
});
