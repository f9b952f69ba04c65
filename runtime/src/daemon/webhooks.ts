import type { Recipe } from '@ferry/manifest';
import { daemonErrors } from './errors.ts';

/** A recipe's webhook trigger with its secret resolved. */
export interface Webhook {
  recipe: string;
  action: 'run' | 'records';
  secret?: string;
}

export interface WebhookSecretOptions {
  env?: NodeJS.ProcessEnv;
  /** Resolves `${secret:name}` references (the encrypted secret store). */
  resolveSecret?: (reference: string) => Promise<string | undefined>;
  projectFile?: string;
}

/**
 * The webhook trigger of each recipe that has one (the first, when a recipe lists several),
 * with its signing secret resolved: `${env:NAME}` from the environment, `${secret:name}` through
 * `resolveSecret`. A reference that resolves to nothing is FERRY_WEBHOOK_SECRET_MISSING: the
 * daemon does not start with a webhook that was meant to be signed but would accept anything.
 */
export async function resolveWebhooks(
  recipes: [string, Recipe][],
  options: WebhookSecretOptions = {},
): Promise<Map<string, Webhook>> {
  const env = options.env ?? process.env;
  const out = new Map<string, Webhook>();
  for (const [id, recipe] of recipes) {
    const index = (recipe.triggers ?? []).findIndex((t) => t.webhook !== undefined);
    const webhook = recipe.triggers?.[index]?.webhook;
    if (!webhook) continue;
    let secret: string | undefined;
    if (webhook.secret !== undefined) {
      const env_ = /^\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(webhook.secret);
      if (env_) secret = env[env_[1] as string];
      else if (webhook.secret.startsWith('${secret:'))
        secret = await options.resolveSecret?.(webhook.secret);
      else secret = webhook.secret;
      if (!secret) {
        throw daemonErrors.create(
          'FERRY_WEBHOOK_SECRET_MISSING',
          `recipe ${id}: the webhook secret ${webhook.secret} resolves to nothing`,
          {
            ...(options.projectFile ? { file: options.projectFile } : {}),
            path: `$.recipes[${JSON.stringify(id)}].triggers[${index}].webhook.secret`,
          },
        );
      }
    }
    out.set(id, { recipe: id, action: webhook.action ?? 'run', ...(secret ? { secret } : {}) });
  }
  return out;
}
