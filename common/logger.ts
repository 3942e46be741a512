import pino from 'pino';

import { config } from './config';

export const logger = pino({
  // Tests are quiet unless LOG_LEVEL asks otherwise, e.g. to see why one answered INTERNAL.
  level: config.NODE_ENV === 'test' && !process.env.LOG_LEVEL ? 'silent' : config.LOG_LEVEL,
  base: undefined,
});
