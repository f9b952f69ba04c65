import type { FerryHttpResponse } from './response.ts';
import type { CompiledErrorRule } from './types.ts';

type RuleContext = { status: number; response: unknown; headers: Record<string, string> };

/**
 * A connector's error rules, evaluated in order. Every rule is tried on a non-2xx response;
 * on a 2xx response only rules with a `when` expression are (APIs that report errors in a 200
 * body), so a connector without such rules pays nothing on its successful responses.
 */
export class ErrorRules {
  readonly #all: readonly CompiledErrorRule[];
  readonly #withWhen: readonly CompiledErrorRule[];

  constructor(rules: readonly CompiledErrorRule[]) {
    this.#all = rules;
    this.#withWhen = rules.filter((rule) => rule.when !== undefined);
  }

  /** Whether a response with this status can match any rule at all. */
  applies(success: boolean): boolean {
    return (success ? this.#withWhen : this.#all).length > 0;
  }

  /**
   * The first matching rule: its `statuses`, when given, include the status, and its `when`,
   * when given, is truthy for `{ status, response, headers }` (response: the parsed JSON body,
   * or the text when it is not JSON).
   */
  async match(
    response: FerryHttpResponse,
    success: boolean,
  ): Promise<CompiledErrorRule | undefined> {
    let context: RuleContext | undefined;
    for (const rule of success ? this.#withWhen : this.#all) {
      if (rule.statuses !== undefined && !rule.statuses.includes(response.status)) continue;
      if (rule.when === undefined) return rule;
      context ??= contextOf(response);
      if (await rule.when(context)) return rule;
    }
    return undefined;
  }

  /** The rule's `message` rendered for this response, when it has one. */
  async message(rule: CompiledErrorRule, response: FerryHttpResponse): Promise<string | undefined> {
    if (rule.message === undefined) return undefined;
    const text = await rule.message(contextOf(response));
    if (text === undefined || text === null || text === '') return undefined;
    return typeof text === 'string' ? text : JSON.stringify(text);
  }
}

function contextOf(response: FerryHttpResponse): RuleContext {
  return { status: response.status, response: response.parsedBody(), headers: response.headers };
}
