import type { ApiModule } from '../api-module';
import { PublicResolver } from './public.resolver';
import { RateLimitBucket } from './rate-limit-bucket.entity';

/** the anonymous public API (current published revisions only) and its per-IP rate limit */
export const publicModule: ApiModule = { name: 'public', resolvers: [PublicResolver], entities: [RateLimitBucket] };
