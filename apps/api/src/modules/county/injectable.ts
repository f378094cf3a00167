/**
 * A class decorator so TypeScript emits design:paramtypes for a service whose constructor takes other
 * services (common/container.ts resolves them). Same as workflow/injectable.ts; both could move to common/.
 */
export function Injectable(): ClassDecorator {
  return () => undefined;
}
