import { RateLimitBucket } from './rate-limit-bucket.entity';

/** the entities of the public API (migration *-RateLimit) */
export const COMPILATION_ENTITIES = [RateLimitBucket];
