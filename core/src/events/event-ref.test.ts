import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, retryDelay } from './backoff.js';
import { EventInvalidName } from './errors.js';
import { defineEvent, isEventRef } from './event-ref.js';

describe('defineEvent', () => {
  it('accepts <source>.<noun>.<pastTenseVerb> names and carries name and schema', () => {
    const schema = Type.Object({ learnerId: Type.String() });
    const ref = defineEvent('credit-bank.credit.awarded', schema);
    expect(ref.name).toBe('credit-bank.credit.awarded');
    expect(ref.schema).toBe(schema);
    expect(isEventRef(ref)).toBe(true);
    expect(String(ref)).toBe('EventRef(credit-bank.credit.awarded)');
    expect(defineEvent('core.person.registered', Type.Object({})).name).toBe('core.person.registered');
    expect(defineEvent('core.learnerNumber.re-issued', Type.Object({})).name).toBe('core.learnerNumber.re-issued');
  });

  it.each([
    'credit-bank.credit',
    'Credit-bank.credit.awarded',
    'credit_bank.credit.awarded',
    'credit-bank.credit.awarded.again',
    'credit-bank..awarded',
    '-bank.credit.awarded',
    'credit-bank.1credit.awarded',
    '',
  ])('rejects the name %j with EVENT_INVALID_NAME and an example of a valid one', (name) => {
    let thrown: unknown;
    try {
      defineEvent(name, Type.Object({}));
    } catch (error) {
      thrown = error;
    }
    expect(EventInvalidName.is(thrown)).toBe(true);
    expect((thrown as Error).message).toContain('credit-bank.credit.awarded');
  });

  it('is not fooled by look-alike objects', () => {
    expect(isEventRef({ name: 'core.person.registered', schema: Type.Object({}) })).toBe(false);
    expect(isEventRef(null)).toBe(false);
  });
});

describe('retryDelay', () => {
  const policy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1_000 };

  it('doubles the delay per attempt, within half and all of the exponential value', () => {
    expect(retryDelay(1, policy, () => 0)).toBe(50);
    expect(retryDelay(1, policy, () => 1)).toBe(100);
    expect(retryDelay(3, policy, () => 1)).toBe(400);
    expect(retryDelay(3, policy, () => 0)).toBe(200);
  });

  it('never exceeds the cap', () => {
    expect(retryDelay(4, { ...policy, maxAttempts: 50 }, () => 1)).toBe(800);
    expect(retryDelay(30, { ...policy, maxAttempts: 50 }, () => 1)).toBe(1_000);
  });

  it('returns null after the last attempt, so the delivery is dead-lettered', () => {
    expect(retryDelay(5, policy)).toBeNull();
    expect(retryDelay(DEFAULT_RETRY_POLICY.maxAttempts, DEFAULT_RETRY_POLICY)).toBeNull();
    expect(retryDelay(DEFAULT_RETRY_POLICY.maxAttempts - 1, DEFAULT_RETRY_POLICY)).not.toBeNull();
  });
});
