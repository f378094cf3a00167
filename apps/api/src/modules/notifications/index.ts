import type { ApiModule } from '../api-module';
import { observeAudit } from '../audit/audit.service';
import { Notification } from './notification.entity';
import { NotificationResolver } from './notification.resolver';
import { notifyAudited } from './notify';

// on import, not in register(): every process that writes audit entries (API, CLI, seed, tests) loads
// the module list for its entities, so none can record an event without its notifications
observeAudit(notifyAudited);

/** 消息 (notifications derived from audited events, with optional e-mail copies) and 催报 */
export const notificationsModule: ApiModule = { name: 'notifications', resolvers: [NotificationResolver], entities: [Notification] };
export { Mailer, registerMailer, sweepEmails, deliverEmails } from './mailer';
