/** The connection settings: the `config` schema of connector.yaml (defaults applied). */
export interface Config {
  /** The environment URL, e.g. https://contoso.crm.dynamics.com. */
  url: string;
  tenantId: string;
  clientId: string;
  /** Secret (`x-secret`): redacted from logs, errors and fixtures. */
  clientSecret: string;
  /** Default https://login.microsoftonline.com/{tenantId}/oauth2/v2.0/token. */
  tokenUrl?: string;
  /** Prefer: odata.maxpagesize; 1 to 5,000, default 500. */
  pageSize?: number;
  startDate?: string;
}
