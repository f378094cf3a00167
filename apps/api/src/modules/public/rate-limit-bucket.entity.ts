import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One fixed-window counter of the anonymous rate limit, kept in the database so that every API
 * instance behind a load balancer counts the same requests. `windowStart` is the window's first
 * second (unix time); a hit in a newer window restarts the count.
 */
@Entity('rate_limit_bucket')
export class RateLimitBucket {
  @PrimaryColumn({ type: 'varchar', length: 191 })
  key: string;

  @Column({ type: 'integer' })
  windowStart: number;

  @Column({ type: 'integer' })
  count: number;
}
