/**
 * Salesforce REST error bodies: always a JSON array of `{ message, errorCode, fields? }`.
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm
 */
import type { Reply } from '@ferry/declarative/testing';

export interface SalesforceError {
  message: string;
  errorCode: string;
  fields?: string[];
}

/** An error answer: `[{ message, errorCode, fields? }]` with the status. */
export function errorReply(
  status: number,
  errorCode: string,
  message: string,
  fields?: string[],
): Reply {
  const error: SalesforceError = { message, errorCode, ...(fields ? { fields } : {}) };
  return { status, json: [error] };
}

/** Thrown inside handlers (the SOQL parser, body checks) and turned into an error answer. */
export class SalesforceFault extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
  }

  reply(): Reply {
    return errorReply(this.status, this.errorCode, this.message);
  }
}

export const NOT_FOUND = (): Reply =>
  errorReply(404, 'NOT_FOUND', 'The requested resource does not exist');
