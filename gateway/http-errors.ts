import type { ErrorRequestHandler } from 'express';

import { ErrorCode, INTERNAL_ERROR_MESSAGE } from '../common/errors';
import { logger } from '../common/logger';

/** A request body larger than this is refused before it is parsed. */
export const BODY_LIMIT = '100kb';

/** A refusal answered before GraphQL runs, in the shape of a GraphQL response. */
export const errorBody = (code: string, message: string) => ({
  errors: [{ message, extensions: { code } }],
});

interface BodyError {
  type?: string;
  status?: number;
  charset?: string;
  encoding?: string;
}

/** What a partner did wrong with the body, by the body parser's error type, and what to do. */
const CLIENT_MISTAKES: Record<string, (error: BodyError) => string> = {
  'entity.too.large': () => `The request body is larger than ${BODY_LIMIT}.`,
  'entity.parse.failed': () => 'The request body is not valid JSON.',
  'charset.unsupported': (error) =>
    `The request body is in charset ${error.charset?.toLowerCase()}: send the JSON in utf-8 (content-type: application/json; charset=utf-8).`,
  'encoding.unsupported': (error) =>
    `The request body is encoded as ${error.encoding}: send it uncompressed, or as gzip or deflate.`,
  'request.aborted': () => 'The request was aborted before its body arrived.',
};

/**
 * Errors raised before GraphQL sees the request (a body over BODY_LIMIT, a body that is not
 * JSON or not in UTF-8), answered as GraphQL errors with a code and the body parser's status
 * (400, 413, 415) instead of Express's HTML page, which shows a stack trace outside production.
 * A partner's mistake is not the platform's error and is not logged as one; anything else is
 * INTERNAL, its details in the log.
 */
export const httpErrors: ErrorRequestHandler = (error, _req, res, _next) => {
  const mistake = CLIENT_MISTAKES[(error as BodyError)?.type ?? ''];
  const status = (error as BodyError)?.status;
  if (mistake && typeof status === 'number' && status < 500) {
    res.status(status).json(errorBody('BAD_REQUEST', mistake(error)));
    return;
  }
  logger.error({ err: error, requestId: res.getHeader('x-request-id') }, 'request failed');
  res.status(500).json(errorBody(ErrorCode.INTERNAL, INTERNAL_ERROR_MESSAGE));
};
