import type { Auth, ErrorRule, HttpSettings } from '@ferry/manifest';
import type { JsonObject } from '@ferry/sdk';
import { durationMs } from '../duration.ts';
import type { SourceRef } from '../expression/expression.ts';
import { compileTemplate } from '../expression/template.ts';
import type { CompiledErrorRule, HttpClientOptions, ResolvedAuth } from '../http/types.ts';
import { compileRequest } from '../read/request.ts';

/** A stream's HTTP settings: the manifest's root `http`, overridden key by key by the stream's. */
export function mergeSettings(
  root: HttpSettings | undefined,
  own: HttpSettings | undefined,
): HttpSettings {
  return {
    ...root,
    ...own,
    headers: { ...root?.headers, ...own?.headers },
    query: { ...root?.query, ...own?.query },
  };
}

/** Renders HttpSettings against a config into the options of an HTTP client. */
export async function clientOptions(
  settings: HttpSettings,
  context: {
    connector: string;
    config: JsonObject;
    secrets: string[];
    hosts: string[] | undefined;
  },
  where: SourceRef,
): Promise<HttpClientOptions> {
  const render = async (value: string | undefined, path: string) =>
    value === undefined
      ? undefined
      : await compileTemplate(value, { ...where, path: `${where.path}.${path}` }).render({
          config: context.config,
        });
  const renderMap = async (map: Record<string, unknown> | undefined, path: string) => {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(map ?? {})) {
      const value = typeof v === 'string' ? await render(v, `${path}.${k}`) : v;
      if (value !== undefined && value !== null && value !== '') out[k] = String(value);
    }
    return out;
  };
  const baseUrl = await render(settings.baseUrl, 'baseUrl');
  const retry = settings.retry ?? {};
  return {
    connector: context.connector,
    ...(typeof baseUrl === 'string' && baseUrl !== '' ? { baseUrl } : {}),
    auth: await resolveAuth(settings.auth, context.config, {
      ...where,
      path: `${where.path}.auth`,
    }),
    headers: await renderMap(settings.headers, 'headers'),
    query: await renderMap(settings.query, 'query'),
    timeoutMs: durationMs(settings.timeout, 30_000),
    retry: {
      maxRetries: retry.maxRetries ?? 5,
      initialDelayMs: durationMs(retry.initialDelay, 1000),
      maxDelayMs: durationMs(retry.maxDelay, 60_000),
      factor: retry.factor ?? 2,
      statuses: retry.statuses ?? 'default',
    },
    ...(settings.rateLimit?.requests
      ? {
          rateLimit: {
            requests: settings.rateLimit.requests,
            perMs: durationMs(settings.rateLimit.per, 1000),
          },
        }
      : {}),
    ...(settings.rateLimit?.headers
      ? {
          headerLimit: {
            remaining: settings.rateLimit.headers.remaining.toLowerCase(),
            resetAfter: settings.rateLimit.headers.resetAfter.toLowerCase(),
            unitMs: settings.rateLimit.headers.unit === 'ms' ? 1 : 1000,
          },
        }
      : {}),
    errorRules: (settings.errors ?? []).map((rule, i) =>
      compileRule(rule, { ...where, path: `${where.path}.errors[${i}]` }),
    ),
    ...(context.hosts ? { allowedHosts: context.hosts } : {}),
    secrets: context.secrets,
  };
}

function compileRule(rule: ErrorRule, where: SourceRef): CompiledErrorRule {
  const when = rule.when
    ? compileTemplate(rule.when, { ...where, path: `${where.path}.when` })
    : undefined;
  const message = rule.message
    ? compileTemplate(rule.message, { ...where, path: `${where.path}.message` })
    : undefined;
  return {
    ...(rule.status === undefined
      ? {}
      : { statuses: Array.isArray(rule.status) ? rule.status : [rule.status] }),
    ...(when ? { when: (c) => when.render(c) } : {}),
    action: rule.action,
    ...(message ? { message: (c) => message.render(c) } : {}),
    ...(where.path ? { path: where.path } : {}),
  };
}

async function resolveAuth(
  auth: Auth | undefined,
  config: JsonObject,
  where: SourceRef,
): Promise<ResolvedAuth> {
  if (!auth || auth.type === 'none') return { type: 'none' };
  const text = async (value: string | undefined, key: string) =>
    value === undefined
      ? ''
      : String(
          (await compileTemplate(value, { ...where, path: `${where.path}.${key}` }).render({
            config,
          })) ?? '',
        );
  switch (auth.type) {
    case 'api-key':
      return {
        type: 'api-key',
        in: auth.in ?? 'header',
        name: auth.name,
        value: await text(auth.value, 'value'),
      };
    case 'bearer':
      return { type: 'bearer', token: await text(auth.token, 'token') };
    case 'basic':
      return {
        type: 'basic',
        username: await text(auth.username, 'username'),
        password: await text(auth.password, 'password'),
      };
    case 'oauth2': {
      const extra: Record<string, string> = {};
      for (const [k, v] of Object.entries(auth.extraParams ?? {}))
        extra[k] = typeof v === 'string' ? await text(v, `extraParams.${k}`) : String(v);
      return {
        type: 'oauth2',
        grant: auth.grant,
        tokenUrl: await text(auth.tokenUrl, 'tokenUrl'),
        ...(auth.clientId ? { clientId: await text(auth.clientId, 'clientId') } : {}),
        ...(auth.clientSecret
          ? { clientSecret: await text(auth.clientSecret, 'clientSecret') }
          : {}),
        ...(auth.refreshToken
          ? { refreshToken: await text(auth.refreshToken, 'refreshToken') }
          : {}),
        ...(auth.scopes
          ? {
              scopes: await Promise.all(auth.scopes.map((scope, i) => text(scope, `scopes[${i}]`))),
            }
          : {}),
        credentialsIn: auth.credentialsIn ?? 'body',
        extraParams: extra,
        tokenPath: auth.tokenPath ?? 'access_token',
        expiresInPath: auth.expiresInPath ?? 'expires_in',
      };
    }
    case 'session': {
      const login = await compileRequest(auth.login, {
        ...where,
        path: `${where.path}.login`,
      }).render({ config });
      const token = compileTemplate(auth.token, { ...where, path: `${where.path}.token` });
      const value = auth.inject.value
        ? compileTemplate(auth.inject.value, { ...where, path: `${where.path}.inject.value` })
        : undefined;
      return {
        type: 'session',
        login,
        token: (c) => token.render({ ...c, config }),
        ...(auth.expiresIn === undefined ? {} : { expiresInMs: durationMs(auth.expiresIn, 0) }),
        inject: {
          in: auth.inject.in ?? 'header',
          name: auth.inject.name ?? '',
          ...(auth.inject.path ? { path: auth.inject.path } : {}),
          value: async (t) => (value ? await value.render({ token: t, config }) : t),
          secret: auth.inject.secret ?? true,
        },
      };
    }
  }
}
