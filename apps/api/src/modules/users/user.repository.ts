/** Storage of users (the lookups other modules need). */
import type { EntityManager } from 'typeorm';
import { User } from './user.entity';

export function findUser(manager: EntityManager, id: string): Promise<User | null> {
  return manager.findOne(User, { where: { id } });
}
