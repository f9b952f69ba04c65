import { scaffoldErrors } from './errors.ts';

/** The questions `ferry new` may ask; an interface so that tests can answer them. */
export interface Ask {
  text(message: string, defaultValue: string): Promise<string>;
  choose<T extends string>(
    message: string,
    choices: readonly { value: T; description: string }[],
    defaultValue: T,
  ): Promise<T>;
}

/** Prompts only on a terminal (stdin and stdout), and never with --yes. */
export function canPrompt(
  flags: { yes?: boolean },
  io: { stdin: { isTTY?: boolean }; stdout: { isTTY?: boolean } } = process,
): boolean {
  return !flags.yes && io.stdin.isTTY === true && io.stdout.isTTY === true;
}

/** A prompt closed by Ctrl-C or the end of input becomes FERRY_NEW_CANCELLED. */
async function answered<T>(prompt: Promise<T>): Promise<T> {
  try {
    return await prompt;
  } catch (error) {
    if ((error as Error)?.name !== 'ExitPromptError') throw error;
    throw scaffoldErrors.create('FERRY_NEW_CANCELLED', 'the questions were interrupted');
  }
}

/** The questions asked with @inquirer/prompts (loaded only when a prompt is shown). */
export function inquirerAsk(): Ask {
  return {
    async text(message, defaultValue) {
      const { input } = await import('@inquirer/prompts');
      const answer = await answered(input({ message, default: defaultValue }));
      return answer.trim() === '' ? defaultValue : answer.trim();
    },
    async choose(message, choices, defaultValue) {
      const { select } = await import('@inquirer/prompts');
      const options = choices.map((choice) => ({
        name: `${choice.value}: ${choice.description}`,
        value: choice.value,
      }));
      return answered(select({ message, choices: options, default: defaultValue }));
    },
  };
}
