import { defineErrors } from '@ferry/manifest';

/** The error table of the service providers (PostgreSQL) in @ferry/testkit. */
export const serviceErrors = defineErrors({
  FERRY_POSTGRES_UNAVAILABLE: {
    title:
      'No PostgreSQL can be started for tests: no Docker engine answers and no server binaries were found',
    hint: 'Install the PostgreSQL server binaries (apt-get install postgresql, brew install postgresql@16, dnf install postgresql-server) or start Docker; FERRY_POSTGRES_BIN=<folder> names a folder holding initdb, pg_ctl and postgres.',
  },
  FERRY_POSTGRES_SYSTEM_USER_MISSING: {
    title: 'Running as root, and the system user that PostgreSQL must run as does not exist',
    hint: 'PostgreSQL refuses to run as root: create the user (useradd --system postgres; installing the postgresql package does it), pass `systemUser`, or run the tests as a non-root user.',
  },
  FERRY_POSTGRES_START_FAILED: {
    title: 'A local PostgreSQL or its container failed to start',
    hint: 'Read the command output and the server log excerpt in the message (disk space, permissions of the temp folder, shared memory).',
  },
  FERRY_POSTGRES_NOT_READY: {
    title: 'PostgreSQL started but did not accept connections in time',
    hint: 'The machine may be overloaded: raise `startTimeoutMs`, or read the server log excerpt in the message.',
  },
});

export type ServiceErrorCode = keyof typeof serviceErrors.codes;
