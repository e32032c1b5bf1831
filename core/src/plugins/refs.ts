declare const serviceType: unique symbol;

/**
 * A typed reference to a service a plugin provides. The dependent plugin imports the ref from
 * the providing plugin's package and gets its type; no global type augmentation is involved.
 *
 * @example
 * export const awardsService = createServiceRef<AwardsService>({ id: 'credit-bank.awards' });
 */
export interface ServiceRef<T> {
  readonly $$type: '@lifelong/service-ref';
  /** `<pluginId>.<name>` */
  readonly id: string;
  /** The plugin that provides it. */
  readonly pluginId: string;
  readonly [serviceType]?: T;
  toString(): string;
}

const SERVICE_ID = /^([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\.[a-z][a-zA-Z0-9-]*$/;

export function createServiceRef<T>({ id }: { id: string }): ServiceRef<T> {
  const match = SERVICE_ID.exec(id);
  if (!match) {
    throw new TypeError(`Service ref id "${id}" must be "<pluginId>.<name>", e.g. "credit-bank.awards"`);
  }
  return Object.freeze({
    $$type: '@lifelong/service-ref' as const,
    id,
    pluginId: match[1] as string,
    toString: () => `serviceRef{${id}}`,
  });
}
