import type { ApiModule } from '../api-module';
import { User } from './user.entity';
import { UserResolver } from './user.resolver';

export const usersModule: ApiModule = { name: 'users', resolvers: [UserResolver], entities: [User] };
