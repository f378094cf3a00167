import 'reflect-metadata';
import type { ContainerType } from 'type-graphql';

type Class<T = unknown> = new (...args: any[]) => T;

/**
 * A minimal dependency container for type-graphql: one instance per class, constructor parameters
 * resolved from their emitted types (emitDecoratorMetadata). Services needing settings are
 * registered ready-made with set().
 */
export class Container implements ContainerType {
  private readonly instances = new Map<Class, unknown>();

  set<T>(cls: Class<T>, instance: T): this {
    this.instances.set(cls, instance);
    return this;
  }

  get<T>(cls: Class<T>): T {
    const existing = this.instances.get(cls);
    if (existing) return existing as T;
    const params: Class[] = Reflect.getMetadata('design:paramtypes', cls) ?? [];
    if (params.length < cls.length) throw new Error(`Container: cannot resolve the constructor of ${cls.name}`);
    const instance = new cls(...params.map((p) => this.get(p)));
    this.instances.set(cls, instance);
    return instance;
  }
}
