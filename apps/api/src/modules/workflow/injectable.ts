/**
 * Marks a service whose constructor takes other services: a class decorator makes TypeScript emit
 * the constructor's parameter types (design:paramtypes), which common/container.ts resolves.
 */
export function Injectable(): ClassDecorator {
  return () => undefined;
}
