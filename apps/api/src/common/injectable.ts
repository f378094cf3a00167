/**
 * A class decorator whose only job is to make TypeScript emit design:paramtypes for a service whose
 * constructor takes other services, so common/container.ts can resolve them.
 */
export function Injectable(): ClassDecorator {
  return () => undefined;
}
