import type { Static, TSchema } from '@sinclair/typebox';
import { EventInvalidName } from './errors.js';

/** `<source>.<noun>.<pastTenseVerb>`, e.g. `credit-bank.credit.awarded`, `core.person.registered`. */
export const EVENT_NAME_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*(\.[a-z][a-zA-Z0-9-]*){2}$/;

declare const payloadType: unique symbol;
const EVENT_REF = Symbol.for('lifelong.eventRef');

/**
 * A typed handle on one kind of event: its name and payload schema. Emitters and subscribers
 * share the ref (exported by the plugin that owns the event), so the payload type travels with it
 * and no global type augmentation is needed.
 */
export interface EventRef<T = unknown> {
  readonly name: string;
  readonly schema: TSchema;
  readonly [EVENT_REF]: true;
  /** Phantom: carries the payload type for `emit` and handlers; never set at run time. */
  readonly [payloadType]?: T;
  toString(): string;
}

/** The payload type of an event ref. */
export type EventPayload<R> = R extends EventRef<infer T> ? T : never;

/** Throws `EVENT_INVALID_NAME` unless `name` follows `<source>.<noun>.<pastTenseVerb>`. */
export function assertEventName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || !EVENT_NAME_PATTERN.test(name)) {
    throw EventInvalidName({
      detail:
        `Event name ${JSON.stringify(name)} must be "<source>.<noun>.<pastTenseVerb>" in lower case, ` +
        'e.g. "credit-bank.credit.awarded" (source: a plugin id or "core").',
    });
  }
}

/**
 * Declares an event: its name and TypeBox payload schema. Export the ref from the package that
 * owns the event; other plugins import it to subscribe.
 *
 * @example
 * export const CreditAwarded = defineEvent(
 *   'credit-bank.credit.awarded',
 *   Type.Object({ learnerId: Type.String({ format: 'uuid' }), amount: Type.String() }),
 * );
 */
export function defineEvent<S extends TSchema>(name: string, schema: S): EventRef<Static<S>> {
  assertEventName(name);
  return Object.freeze({
    name,
    schema,
    [EVENT_REF]: true as const,
    toString: () => `EventRef(${name})`,
  }) as EventRef<Static<S>>;
}

export function isEventRef(value: unknown): value is EventRef {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[EVENT_REF] === true;
}
