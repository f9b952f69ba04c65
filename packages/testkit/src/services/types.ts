/** Where a PostgreSQL for tests comes from. */
export type PostgresProvider = 'testcontainers' | 'local';

/** A running PostgreSQL; `stop()` removes it and its data. */
export interface PostgresService {
  /** `postgres://user:password@host:port/database` */
  url: string;
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  provider: PostgresProvider;
  /** Stops the server and deletes its data; calling it again does nothing. */
  stop(): Promise<void>;
}

export interface StartPostgresOptions {
  /**
   * 'auto' (default, or the FERRY_POSTGRES_PROVIDER variable): testcontainers when a Docker
   * engine answers, else the local server binaries.
   */
  provider?: PostgresProvider | 'auto';
  /** A superuser created with the server. Default 'ferry'. */
  user?: string;
  /** Default: random. */
  password?: string;
  /** Created when it is not 'postgres'. Default 'ferry'. */
  database?: string;
  /** The Docker image for testcontainers. Default 'postgres:16-alpine'. */
  image?: string;
  /** A folder holding initdb, pg_ctl and postgres (default: FERRY_POSTGRES_BIN, PATH, usual folders). */
  binDir?: string;
  /** When running as root, the system user the local server runs as. Default 'postgres'. */
  systemUser?: string;
  /** How long to wait for the server to accept connections. Default 60 000 ms. */
  startTimeoutMs?: number;
}
