/** The connection config of @ferry/connector-salesforce, as `connector.yaml` declares it. */
export interface Config {
  /** The org's My Domain URL, where API calls go. */
  instanceUrl: string;
  /** Where tokens come from (default https://login.salesforce.com). */
  loginUrl?: string;
  /** The connected app's consumer key. */
  clientId: string;
  /** The connected app's consumer secret (secret). */
  clientSecret: string;
  /** A refresh token issued to the app (secret): when set, the refresh token grant is used. */
  refreshToken?: string;
  /** The REST API version (default v60.0). */
  apiVersion?: string;
  /** ISO 8601 instant: records changed before it are skipped on the first read. */
  startDate?: string;
}
