import { once } from 'node:events';
import { setTimeout } from 'node:timers/promises';

import { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

import { domainError, ErrorCode } from '../common/errors';
import { logger } from '../common/logger';

const REDIS_CONNECT_WAIT_MS = 2_000;

export interface RateLimitOptions {
  /** Operations an organisation may send per window; 0 turns the limit off. */
  points: number;
  windowSeconds: number;
  /** Shared by every gateway replica when set; otherwise each replica counts on its own. */
  redisUrl?: string;
  /** Names this limit's counts in Redis; replicas that share a limit share the prefix. */
  keyPrefix?: string;
}

export interface RateLimit {
  /**
   * Counts one operation of the organisation; RATE_LIMITED (429) once it is over its limit, after
   * telling `retryAfter` how many seconds to wait.
   */
  consume(org: string, retryAfter: (seconds: number) => void): Promise<void>;
  close(): Promise<void>;
}

/**
 * Operations per organisation and window (rate-limiter-flexible). With Redis the replicas share
 * one count; when Redis is unreachable each replica falls back to its own count in memory, so an
 * outage of Redis neither stops the gateway nor lifts the limit.
 */
export async function createRateLimit(options: RateLimitOptions): Promise<RateLimit> {
  if (options.points <= 0) return { consume: async () => undefined, close: async () => undefined };
  const limits = {
    points: options.points,
    duration: options.windowSeconds,
    keyPrefix: options.keyPrefix ?? 'maatwerk-gateway:org',
  };
  const memory = new RateLimiterMemory(limits);
  let redis: Redis | undefined;
  let limiter: RateLimiterAbstract = memory;
  if (options.redisUrl) {
    redis = new Redis(options.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    redis.on('error', (error) => logger.warn({ err: error }, 'rate limit: Redis unreachable'));
    // Until Redis answers, the counts stay in memory; a gateway does not wait long for it.
    await Promise.race([
      once(redis, 'ready'),
      setTimeout(REDIS_CONNECT_WAIT_MS, undefined, { ref: false }),
    ]);
    limiter = new RateLimiterRedis({ ...limits, storeClient: redis, insuranceLimiter: memory });
  }
  return {
    async consume(org, retryAfter) {
      try {
        await limiter.consume(org);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        retryAfter(retryAfterSeconds);
        throw domainError(
          ErrorCode.RATE_LIMITED,
          `${org} sent more than ${options.points} operations in ${options.windowSeconds} s. Retry after ${retryAfterSeconds} s.`,
          { retryAfterSeconds },
        );
      }
    },
    async close() {
      redis?.disconnect();
    },
  };
}
