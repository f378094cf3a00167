export { createLogger } from './logger';
export { registry, auditAppends, watchDataSource, unwatchDataSource } from './metrics';
export { metricsPlugin, operationOf } from './plugin';
export { operationLabel } from './operation';
