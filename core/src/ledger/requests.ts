// What the account-list and statement queries ask for, checked beyond their schemas (rules a
// JSON schema cannot state: fields that go together, a period's length).
import { ValidationFailed } from '../errors/core-errors.js';
import type { AuthenticatedPrincipal } from '../identity/principal.js';
import type { AccountListQuery, StatementQuery } from './schemas.js';
import { MAX_STATEMENT_DAYS } from './statements.js';
import type { AccountOwner } from './types.js';

const invalid = (path: string, rule: string, message: string) =>
  ValidationFailed({ errors: [{ path, rule, message }] });

/** Whose accounts `GET /v1/ledger/accounts` lists: the one named, or the caller's own. */
export function listedOwner(principal: AuthenticatedPrincipal, query: AccountListQuery): AccountOwner {
  const { ownerType, ownerId } = query;
  if (ownerType === undefined) {
    if (ownerId !== undefined) throw invalid('/query/ownerType', 'ownerComplete', 'Required with ownerId');
    if (principal.kind === 'person') return { type: 'person', id: principal.id };
    if (principal.kind === 'apiKey' && principal.institutionId) {
      return { type: 'institution', id: principal.institutionId };
    }
    throw invalid('/query/ownerType', 'ownerOfCaller', 'This caller owns no accounts: name the owner');
  }
  if (ownerType === 'platform') {
    if (ownerId !== undefined) throw invalid('/query/ownerId', 'mustBeAbsent', 'The platform has no owner id');
    return { type: 'platform', id: null };
  }
  if (ownerId === undefined) {
    throw invalid('/query/ownerId', 'ownerComplete', 'Required unless the owner is the platform');
  }
  return { type: ownerType, id: ownerId };
}

const DAY_MS = 86_400_000;

/** An instant whose UTC year PostgreSQL's timestamps hold and JavaScript prints plainly: 1–9999. */
function storableInstant(value: string): boolean {
  const year = new Date(value).getUTCFullYear();
  return year >= 1 && year <= 9999;
}

/** The statement's period [from, to), checked: `to` after `from`, at most MAX_STATEMENT_DAYS. */
export function statementPeriod(query: StatementQuery, now: Date): { from: Date; to: Date } {
  // Dates JavaScript parses but PostgreSQL cannot store (year 0, past 9999) are a 400, not a 500.
  for (const [name, value] of [['from', query.from] as const, ['to', query.to] as const]) {
    if (value !== undefined && !storableInstant(value)) {
      throw invalid(`/query/${name}`, 'range', 'Must lie within the years 1 to 9999');
    }
  }
  const from = new Date(query.from);
  const to = query.to === undefined ? now : new Date(query.to);
  if (to.getTime() <= from.getTime()) throw invalid('/query/to', 'afterFrom', 'Must be after from');
  if (to.getTime() - from.getTime() > MAX_STATEMENT_DAYS * DAY_MS) {
    throw invalid('/query/to', 'maxPeriod', `A statement covers at most ${MAX_STATEMENT_DAYS} days`);
  }
  return { from, to };
}
