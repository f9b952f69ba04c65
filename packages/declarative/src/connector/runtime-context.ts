import type { HttpSettings, Permissions } from '@ferry/manifest';
import type { HttpClient, JsonObject, Message } from '@ferry/sdk';
import { compileTemplate } from '../expression/template.ts';
import { createHttpClient } from '../http/client.ts';
import type { UseOptions } from './connector.ts';
import { clientOptions, mergeSettings } from './http-settings.ts';

/**
 * What one use of a connector (a read, a write, a check) shares: its config and secrets, the
 * HTTP clients (one per distinct HTTP settings, so streams that share settings share a client
 * and its rate limit), and the queue where logs wait to be emitted between batches.
 */
export class RunContext {
  readonly logs: Message[] = [];
  readonly #clients = new Map<string, Promise<HttpClient & { close(): Promise<void> }>>();

  constructor(
    readonly connector: string,
    readonly file: string,
    readonly config: JsonObject,
    readonly secrets: string[],
    readonly rootHttp: HttpSettings | undefined,
    readonly permissions: Permissions | undefined,
    readonly options: Pick<UseOptions, 'debug' | 'allowHosts' | 'onExchange'> = {},
  ) {}

  get debug(): boolean {
    return this.options.debug ?? false;
  }

  /** The HTTP client for a stream's own settings (merged over the root settings). */
  client(own?: HttpSettings, path = '$.http'): Promise<HttpClient> {
    const settings = mergeSettings(this.rootHttp, own);
    const id = JSON.stringify(settings);
    let client = this.#clients.get(id);
    if (!client) {
      client = this.#create(settings, own ? path : '$.http');
      this.#clients.set(id, client);
    }
    return client;
  }

  async #create(settings: HttpSettings, path: string) {
    const hosts = await this.allowedHosts(settings);
    const options = await clientOptions(
      settings,
      { connector: this.connector, config: this.config, secrets: this.secrets, hosts },
      { file: this.file, path },
    );
    return createHttpClient({
      ...options,
      ...(this.options.onExchange ? { onExchange: this.options.onExchange } : {}),
      log: (level, message, fields) => {
        if (level === 'debug' && !this.debug) return;
        this.logs.push({
          type: 'LOG',
          level,
          message,
          ...(fields ? { fields: fields as JsonObject } : {}),
        });
      },
    });
  }

  /**
   * The hosts the connector may reach: `permissions.hosts` rendered from config; without
   * permissions, only the host of the base URL. No base URL and no permissions: none.
   */
  async allowedHosts(settings: HttpSettings): Promise<string[]> {
    if (this.options.allowHosts) return this.options.allowHosts;
    const declared = this.permissions?.hosts;
    const templates = declared ?? (settings.baseUrl ? [settings.baseUrl] : []);
    const hosts: string[] = [];
    for (const [i, template] of templates.entries()) {
      const value = await compileTemplate(template, {
        file: this.file,
        path: declared ? `$.permissions.hosts[${i}]` : '$.http.baseUrl',
      }).render({ config: this.config });
      if (typeof value === 'string' && value !== '') hosts.push(value);
    }
    return hosts;
  }

  /** Logs waiting to be emitted, taken out of the queue. */
  drainLogs(): Message[] {
    return this.logs.splice(0, this.logs.length);
  }

  async close(): Promise<void> {
    const clients = await Promise.all(this.#clients.values());
    await Promise.all(clients.map((c) => c.close()));
  }
}
