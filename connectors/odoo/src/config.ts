/** The connection settings of @ferry/connector-odoo (connector.yaml `config`). */
// A type (not an interface) so that it is a JsonObject for the engine's APIs.
export type Config = {
  /** The Odoo server, e.g. https://mycompany.odoo.com. */
  url: string;
  db: string;
  username: string;
  /** An API key (or the password) of `username`: secret. */
  apiKey: string;
  startDate?: string;
};
