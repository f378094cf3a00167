/**
 * react-admin's (resource, action) pairs → the domain's permission actions. The rule of who may do
 * what lives in @touming/domain/permissions; this file only names which rule a screen asks about.
 */
import { can, type Action, type Actor } from '@touming/domain/permissions';

const ACTIONS: Record<string, Partial<Record<string, Action>>> = {
  agencies: { list: 'agency.read', show: 'agency.read', create: 'agency.manage', edit: 'agency.manage', delete: 'agency.manage' },
  users: { list: 'user.read', show: 'user.read', create: 'user.manage', edit: 'user.manage', delete: 'user.manage' },
  cycles: { list: 'cycle.read', show: 'cycle.read', create: 'cycle.manage', edit: 'cycle.manage', delete: 'cycle.manage' },
  // everyone who may read a report opens it in the editor; the editor is read-only without report.edit
  reports: { list: 'report.read', show: 'report.read', edit: 'report.read', create: 'report.create', delete: 'report.delete', export: 'report.read' },
};

/** the domain action a react-admin resource action needs, when Touming knows it */
export function actionFor(resource: string, action: string): Action | undefined {
  return ACTIONS[resource]?.[action];
}

export function canAccessResource(actor: Actor, resource: string, action: string, record?: { agencyId?: unknown } | null) {
  const domainAction = actionFor(resource, action);
  // resources and actions of the workflow screens bring their own checks; the API
  // enforces every permission anyway, so an unknown pair is allowed here rather than hidden
  if (!domainAction) return true;
  const target = record && record.agencyId != null ? String(record.agencyId) : undefined;
  return can(actor, domainAction, target);
}
