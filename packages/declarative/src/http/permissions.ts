import { engineErrors } from '../errors.ts';

/** One allow-list entry, parsed: a host (or `*.` suffix) and, when given, a port. */
interface HostRule {
  /** Lower-case host name; for a wildcard, the suffix after `*` (`.example.com`). */
  host: string;
  wildcard: boolean;
  port?: string;
}

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

/**
 * Parses an allow-list entry: `api.example.com`, `*.example.com` (any subdomain, at any depth,
 * not the bare domain), `host:8080`, `[::1]:8080`, or a full URL such as
 * `https://x.example.com/api`, which means its host (and its port only when written).
 */
export function parseHostRule(entry: string): HostRule {
  let text = entry.trim().toLowerCase();
  if (text.includes('://')) {
    const url = new URL(text);
    return url.port === ''
      ? { host: url.hostname, wildcard: false }
      : ruleOf(url.hostname, url.port);
  }
  text = text.replace(/\/.*$/, '');
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(text);
  return ruleOf(match?.[1] ?? text, match?.[2]);
}

function ruleOf(host: string, port: string | undefined): HostRule {
  const wildcard = host.startsWith('*.');
  const rule: HostRule = { host: wildcard ? host.slice(1) : host, wildcard };
  if (port !== undefined) rule.port = port;
  return rule;
}

/** Whether a URL's host and port are allowed by one parsed rule. */
function allows(rule: HostRule, url: URL): boolean {
  const host = url.hostname.toLowerCase();
  const hostOk = rule.wildcard ? host.endsWith(rule.host) : host === rule.host;
  if (!hostOk) return false;
  if (rule.port === undefined) return true;
  return (url.port || DEFAULT_PORTS[url.protocol]) === rule.port;
}

/** Checks URLs against an allow-list; `undefined` allows every host. */
export type HostCheck = (url: string, redact: (text: string) => string) => void;

/**
 * Compiles `permissions.hosts` into a check that throws FERRY_HTTP_HOST_NOT_ALLOWED, naming the
 * host and the allowed list, before any network traffic.
 */
export function compileHostCheck(connector: string, allowedHosts: readonly string[]): HostCheck {
  const rules = allowedHosts.map(parseHostRule);
  const listed = allowedHosts.join(', ') || '(none)';
  return (href, redact) => {
    let url: URL;
    try {
      url = new URL(href);
    } catch (cause) {
      throw engineErrors.create(
        'FERRY_HTTP_HOST_NOT_ALLOWED',
        `connector "${connector}": ${redact(href)} is not a valid URL, so its host cannot be checked against the allowed hosts (${listed})`,
        { cause, hint: "Fix the request URL or the connector's base URL." },
      );
    }
    if (rules.some((rule) => allows(rule, url))) return;
    throw engineErrors.create(
      'FERRY_HTTP_HOST_NOT_ALLOWED',
      `connector "${connector}" may not reach host "${url.host}" (${redact(href)}); allowed hosts: ${listed}`,
      { details: { host: url.host, allowedHosts: [...allowedHosts] } },
    );
  };
}
