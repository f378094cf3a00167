import { SaveButton, Toolbar } from 'react-admin';

/** agencies, users and cycles are deactivated, never deleted (their history stays in the audit trail) */
export function SaveOnlyToolbar() {
  return (
    <Toolbar>
      <SaveButton data-testid="form-save" />
    </Toolbar>
  );
}
