export { createLogger } from './logger';
export { registry, auditAppends, watchDataSource, unwatchDataSource } from './metrics';
export { countOperation, metricsPlugin, operationLabelOf, operationOf } from './plugin';
export { operationLabel } from './operation';
