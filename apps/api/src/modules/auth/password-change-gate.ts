/**
 * An account whose password an administrator set may do nothing but change it (and read who it is)
 * until its owner has: the administrator who knows that password cannot act as the person with it.
 * Checked on the whole operation before anything runs (every root field), and again in requireUser
 * for the routes outside GraphQL (downloads).
 */
import { allowedBeforePasswordChange, PASSWORD_CHANGE_REQUIRED_MESSAGE } from '@touming/domain/accounts';
import { GraphQLError, Kind, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { OperationCheck } from '../../common/operation-checks';

export function passwordChangeRequired(): GraphQLError {
  return new GraphQLError(PASSWORD_CHANGE_REQUIRED_MESSAGE, { extensions: { code: 'PASSWORD_CHANGE_REQUIRED', http: { status: 403 } } });
}

/** the root field names of an operation; a fragment spread at the root counts as a forbidden field */
function rootFields(set: SelectionSetNode): string[] {
  return set.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : s.kind === Kind.INLINE_FRAGMENT ? rootFields(s.selectionSet) : ['…']));
}

export function operationAllowedBeforePasswordChange(operation: OperationDefinitionNode): boolean {
  return rootFields(operation.selectionSet).every(allowedBeforePasswordChange);
}

export const passwordChangeCheck: OperationCheck = ({ contextValue, operation }) => {
  if (contextValue.user?.mustChangePassword && operation && !operationAllowedBeforePasswordChange(operation)) throw passwordChangeRequired();
};
