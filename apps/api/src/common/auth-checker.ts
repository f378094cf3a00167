import type { AuthChecker } from 'type-graphql';
import type { RequestContext } from './context';
import { requireUser } from './authorize';

/**
 * @Authorized() on a resolver means "signed in". What a user may do with which agency's data is
 * decided in the services with can() — not here — so the rule holds however a service is reached.
 */
export const authChecker: AuthChecker<RequestContext> = ({ context }) => {
  requireUser(context);
  return true;
};
