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
  /** Operations an organisation may send per window; 0 turns this limit off. */
  points: number;
  /** Operations one user (organisation and `sub`) may send per window, inside those; 0: off. */
  userPoints?: number;
  /** Requests without a valid token, and probes, per client address and window; 0: off. */
  addressPoints?: number;
  windowSeconds: number;
  /** Shared by every gateway replica when set; otherwise each replica counts on its own. */
  redisUrl?: string;
  /** Names this limit's counts in Redis; replicas that share a limit share the prefix. */
  keyPrefix?: string;
}

/** Told how many seconds to wait, before RATE_LIMITED is thrown (the `Retry-After` header). */
type RetryAfter = (seconds: number) => void;

export interface RateLimit {
  /**
   * Counts one operation of an authenticated caller, in its user's bucket and then in its
   * organisation's; RATE_LIMITED (429) once either is over its limit.
   */
  consumeCaller(caller: { org: string; sub: string }, retryAfter: RetryAfter): Promise<void>;
  /** Counts one request without a valid token, or one probe, by the client's address. */
  consumeAddress(address: string, retryAfter: RetryAfter): Promise<void>;
  close(): Promise<void>;
}

/** One kind of count: what it counts per key, and how a refusal reads. */
interface Bucket {
  name: string;
  points: number;
  refusal: (key: string, points: number, windowSeconds: number) => string;
}

const BUCKETS = {
  organisation: {
    name: 'org',
    refusal: (org, points, window) => `${org} sent more than ${points} operations in ${window} s.`,
  },
  user: {
    name: 'user',
    refusal: (key, points, window) => {
      const [org, sub] = JSON.parse(key) as [string, string];
      return `The user ${sub} of ${org} sent more than ${points} operations in ${window} s.`;
    },
  },
  address: {
    name: 'address',
    refusal: (_address, points, window) =>
      `This address sent more than ${points} requests without a valid token, or probes, in ${window} s.`,
  },
} satisfies Record<string, Omit<Bucket, 'points'>>;

/**
 * Operations per organisation, per user inside it (so that one user cannot use up the whole
 * organisation's), and per address for requests that bring no valid token and for probes (so
 * that they cost something too), each per window (rate-limiter-flexible). With Redis the
 * replicas share every count; when Redis is unreachable each replica falls back to its own count
 * in memory, so an outage of Redis neither stops the gateway nor lifts the limits.
 */
export async function createRateLimit(options: RateLimitOptions): Promise<RateLimit> {
  const prefix = options.keyPrefix ?? 'maatwerk-gateway';
  let redis: Redis | undefined;
  if (options.redisUrl) {
    redis = new Redis(options.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    redis.on('error', (error) => logger.warn({ err: error }, 'rate limit: Redis unreachable'));
    // Until Redis answers, the counts stay in memory; a gateway does not wait long for it.
    await Promise.race([
      once(redis, 'ready'),
      setTimeout(REDIS_CONNECT_WAIT_MS, undefined, { ref: false }),
    ]);
  }

  /** Counts one request of `key` in a bucket; nothing when the bucket's limit is off. */
  const counter = ({ name, points, refusal }: Bucket) => {
    if (points <= 0) return async () => undefined;
    const limits = { points, duration: options.windowSeconds, keyPrefix: `${prefix}:${name}` };
    const memory = new RateLimiterMemory(limits);
    const limiter: RateLimiterAbstract = redis
      ? new RateLimiterRedis({ ...limits, storeClient: redis, insuranceLimiter: memory })
      : memory;
    return async (key: string, retryAfter: RetryAfter) => {
      try {
        await limiter.consume(key);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        retryAfter(retryAfterSeconds);
        throw domainError(
          ErrorCode.RATE_LIMITED,
          `${refusal(key, points, options.windowSeconds)} Retry after ${retryAfterSeconds} s.`,
          { retryAfterSeconds },
        );
      }
    };
  };
  const organisation = counter({ ...BUCKETS.organisation, points: options.points });
  const user = counter({ ...BUCKETS.user, points: options.userPoints ?? 0 });
  const address = counter({ ...BUCKETS.address, points: options.addressPoints ?? 0 });

  return {
    async consumeCaller({ org, sub }, retryAfter) {
      // The user's first: a user over its own limit does not use up its organisation's.
      await user(JSON.stringify([org, sub]), retryAfter);
      await organisation(org, retryAfter);
    },
    consumeAddress: address,
    async close() {
      redis?.disconnect();
    },
  };
}
