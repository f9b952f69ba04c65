import type { Connector, UseOptions } from '@ferry/declarative';
import type { JsonObject } from '@ferry/sdk';
import type { CheckOutcome } from '../contract.ts';
import { CHECKS, failed, notApplicable, passed } from './checks.ts';
import { secretFields } from './spec-checks.ts';

/** What a secret is replaced with in the default bad config. */
export const WRONG_SECRET = 'ferry-conformance-wrong-secret';

/** `check` passes on the working config and fails on a bad one. */
export async function checkConnection(
  connector: Connector,
  config: JsonObject,
  badConfig: JsonObject | undefined,
  use: UseOptions,
): Promise<CheckOutcome[]> {
  const outcomes: CheckOutcome[] = [];
  const good = await connector.check(config, use);
  outcomes.push(
    good.ok
      ? passed(CHECKS.checkGood)
      : failed(
          CHECKS.checkGood,
          `check failed on the working config: ${good.message ?? '(no message)'}`,
        ),
  );
  const bad = badConfig
    ? { config: badConfig, what: 'the badConfig given' }
    : spoilSecrets(connector, config);
  if (!bad) {
    outcomes.push(
      notApplicable(
        CHECKS.checkBad,
        'the config has no secret field to spoil; pass badConfig to check this',
      ),
    );
    return outcomes;
  }
  const result = await connector.check(bad.config, use);
  outcomes.push(
    result.ok
      ? failed(
          CHECKS.checkBad,
          `check passed on a bad config (${bad.what}): it does not verify the connection`,
        )
      : passed(CHECKS.checkBad),
  );
  return outcomes;
}

/** The working config with every secret field replaced by a wrong value, or nothing to spoil. */
function spoilSecrets(
  connector: Connector,
  config: JsonObject,
): { config: JsonObject; what: string } | undefined {
  const fields = secretFields(connector.spec()).filter((name) => typeof config[name] === 'string');
  if (fields.length === 0) return undefined;
  const spoiled = { ...config };
  for (const name of fields) spoiled[name] = WRONG_SECRET;
  return { config: spoiled, what: `secret field(s) ${fields.join(', ')} replaced` };
}
