import type { ErrorRequestHandler } from 'express';

import { ErrorCode, INTERNAL_ERROR_MESSAGE } from '../common/errors';
import { logger } from '../common/logger';

/** A request body larger than this is refused before it is parsed. */
export const BODY_LIMIT = '100kb';

/**
 * Errors raised before GraphQL sees the request (a body over BODY_LIMIT, a body that is not
 * JSON), answered as GraphQL errors with a code instead of Express's HTML page, which shows a
 * stack trace outside production. Anything else is INTERNAL, its details in the log.
 */
/** A refusal answered before GraphQL runs, in the shape of a GraphQL response. */
export const errorBody = (code: string, message: string) => ({
  errors: [{ message, extensions: { code } }],
});

export const httpErrors: ErrorRequestHandler = (error, _req, res, _next) => {
  const status = typeof error?.status === 'number' ? error.status : 500;
  const requestId = res.getHeader('x-request-id');
  const message =
    error?.type === 'entity.too.large'
      ? `The request body is larger than ${BODY_LIMIT}.`
      : error?.type === 'entity.parse.failed'
        ? 'The request body is not valid JSON.'
        : undefined;
  if (!message || status >= 500) logger.error({ err: error, requestId }, 'request failed');
  res
    .status(message ? status : 500)
    .json(
      message
        ? errorBody('BAD_REQUEST', message)
        : errorBody(ErrorCode.INTERNAL, INTERNAL_ERROR_MESSAGE),
    );
};
