import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** The error codes of DOMAIN A.4: every error a partner sees carries one of these. */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  CONFLICT: 'CONFLICT',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  RATE_LIMITED: 'RATE_LIMITED',
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const httpStatus: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  RATE_LIMITED: 429,
};

export function domainError(
  code: ErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): GraphQLError {
  const status = httpStatus[code];
  return new GraphQLError(message, {
    extensions: { code, ...details, ...(status ? { http: { status } } : {}) },
  });
}

export function badUserInput(field: string, rule: string): GraphQLError {
  return domainError(ErrorCode.BAD_USER_INPUT, `${field}: ${rule}`, { field });
}

export function notFound(type: string, id: string): GraphQLError {
  return domainError(ErrorCode.NOT_FOUND, `${type} ${id} was not found.`);
}

const PARTNER_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  // Raised by Apollo Server itself for malformed requests; safe and useful to a partner.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** An error a partner may read as it is: it carries one of the known codes. */
export function isPartnerError(error: { extensions?: Record<string, unknown> }): boolean {
  const code = error.extensions?.code;
  return typeof code === 'string' && PARTNER_CODES.has(code);
}

/** What a partner reads of an error nobody wrote a code for; the details are in the log. */
export const INTERNAL_ERROR_MESSAGE =
  'Internal error. Quote the x-request-id response header when you report it.';

/**
 * `formatError` for every server: errors with a known code pass unchanged; anything else (a bug,
 * a database error) leaves only `INTERNAL` and the request id; `unexpectedErrorLog` logs it.
 */
export function maskUnexpectedError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (isPartnerError(formatted)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return {
    message: INTERNAL_ERROR_MESSAGE,
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: ErrorCode.INTERNAL },
  };
}
