import { randomUUID } from 'node:crypto';
import type { FieldError } from '@lifelong/core';
import type { Ctx } from '../context.js';
import { XapiBadRequest, XapiConflict, XapiNotFound } from '../errors.js';
import { agentErrors, statementErrors, UUID, type XapiVersion } from '../shared/grammar.js';
import { ifiOf, statementKeys } from '../shared/ifi.js';
import type { CredentialRow } from '../shared/xapi-http.js';
import { type Format, formatStatement } from './format.js';
import {
  applyVoiding,
  findStatement,
  insertStatements,
  type NewStatementRow,
  queryStatements,
  type StatementFilter,
  statementsByIds,
} from './store.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const bad = (detail: string, errors?: FieldError[]) => XapiBadRequest({ detail, ...(errors ? { errors } : {}) });

/** JSON with keys sorted, for comparing statements. */
function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (isObject(v)) {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/**
 * What makes two statements "the same" for a replay (1.0.3 2.3.1, statement comparison): the
 * statement as the client sent it, without what the LRS sets (`stored`, `authority`, `version`)
 * and without `timestamp` when the replay leaves it to the LRS.
 */
function comparable(s: Json, ignoreTimestamp: boolean): string {
  const { stored: _s, authority: _a, version: _v, timestamp, ...rest } = s;
  return canonicalJson(ignoreTimestamp ? rest : { ...rest, timestamp });
}

/** The statement's `authority`: the credential, as an account on the region's home page. */
export function authorityOf(credential: CredentialRow, homePage: string): Json {
  return { objectType: 'Agent', name: credential.name, account: { homePage, name: credential.key } };
}

/** Parses a statements request body: one statement or an array of them. */
export function parseStatementsBody(bytes: Uint8Array): { list: unknown[]; single: boolean } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw bad('The body is not valid JSON.', [{ path: '/body', rule: 'json', message: 'Malformed JSON' }]);
  }
  if (Array.isArray(parsed)) return { list: parsed, single: false };
  return { list: [parsed], single: true };
}

export interface StoreOptions {
  credential: CredentialRow;
  version: XapiVersion;
  /** PUT's `statementId`. */
  statementId?: string;
}

/**
 * Stores statements in the request's transaction, all or none (1.0.3 2.1.2: a batch is one
 * unit). Returns their ids in order. A replay of a stored statement is a no-op; a different
 * statement under a stored id is a 409.
 */
export async function storeStatements(ctx: Ctx, list: unknown[], options: StoreOptions): Promise<string[]> {
  const { credential, version } = options;
  const max = ctx.config.maxStatementsPerRequest;
  if (list.length === 0)
    throw bad('Send at least one statement.', [{ path: '/body', rule: 'minItems', message: 'Empty' }]);
  if (list.length > max) {
    throw bad(`At most ${max} statements per request.`, [
      { path: '/body', rule: 'maxItems', message: `At most ${max}` },
    ]);
  }
  const single = options.statementId !== undefined;
  const errors = statementErrors(list, version, (i) => (single ? '/body' : `/body/${i}`));
  if (errors.length > 0) throw bad('The statement does not follow the xAPI grammar.', errors);
  if (options.statementId !== undefined) {
    const given = (list[0] as Json).id;
    if (typeof given === 'string' && given.toLowerCase() !== options.statementId) {
      throw bad('The statement’s id differs from statementId.', [
        { path: '/body/id', rule: 'matchesStatementId', message: 'Must equal the statementId parameter' },
      ]);
    }
  }

  const now = ctx.now();
  const stored = now.toISOString();
  const authority = authorityOf(credential, ctx.config.homePage);
  const seen = new Set<string>();
  const prepared = (list as Json[]).map((s, i) => {
    const id = options.statementId ?? (typeof s.id === 'string' ? s.id.toLowerCase() : randomUUID());
    if (seen.has(id)) {
      throw bad('Two statements of the batch share an id.', [
        { path: `/body/${i}/id`, rule: 'unique', message: 'Duplicate id' },
      ]);
    }
    seen.add(id);
    const full: Json = {
      ...s,
      id,
      timestamp: s.timestamp ?? stored,
      stored,
      authority,
      version: s.version ?? (version === '2.0.0' ? '2.0.0' : '1.0.0'),
    };
    return { id, full, client: s, keys: statementKeys(full) };
  });

  // Voiding (1.0.3 2.3.2): a voiding statement cannot target another voiding statement.
  const targets = prepared.flatMap((p) => (p.keys.voidsId ? [p.keys.voidsId] : []));
  const batchVoiding = new Set(prepared.filter((p) => p.keys.voidsId).map((p) => p.id));
  const storedTargets = await statementsByIds(ctx.db, credential.institutionId, targets);
  for (const target of targets) {
    if (batchVoiding.has(target) || storedTargets.some((t) => t.id === target && t.voidsId !== null)) {
      throw bad('A voiding statement cannot void another voiding statement.', [
        { path: '/body', rule: 'voidVoiding', message: `Statement ${target} is itself a voiding statement` },
      ]);
    }
  }

  const personIds = await linkPeople(
    ctx,
    prepared.map((p) => p.full.actor),
  );
  const rows: NewStatementRow[] = prepared.map((p, i) => ({
    lrsId: credential.institutionId,
    id: p.id,
    stored: now,
    credentialId: credential.id,
    ...p.keys,
    voided: false,
    personId: personIds[i] ?? null,
    statement: p.full,
  }));
  const inserted = await insertStatements(ctx.db, rows);
  const replays = prepared.filter((p) => !inserted.has(p.id));
  if (replays.length > 0) {
    const existing = await statementsByIds(
      ctx.db,
      credential.institutionId,
      replays.map((p) => p.id),
    );
    for (const p of replays) {
      const ignoreTimestamp = p.client.timestamp === undefined;
      const before = existing.find((e) => e.id === p.id)?.statement as Json | undefined;
      if (!before || comparable(before, ignoreTimestamp) !== comparable(p.full, ignoreTimestamp)) {
        throw XapiConflict({ detail: `A different statement with id ${p.id} is already stored.` });
      }
    }
  }
  await applyVoiding(ctx.db, credential.institutionId, targets, [...inserted]);
  return prepared.map((p) => p.id);
}

/**
 * The person an actor stands for: an `account` on the region's home page whose `name` is a
 * learner number. Anything else stays unlinked (null).
 */
async function linkPeople(ctx: Ctx, actors: unknown[]): Promise<(string | null)[]> {
  const homePage = ctx.config.homePage.replace(/\/$/, '');
  const cache = new Map<string, string | null>();
  const out: (string | null)[] = [];
  for (const actor of actors) {
    const account = isObject(actor) && isObject(actor.account) ? actor.account : undefined;
    const name = account && String(account.homePage).replace(/\/$/, '') === homePage ? String(account.name) : '';
    if (!name || name.length > 40) {
      out.push(null);
      continue;
    }
    if (!cache.has(name)) cache.set(name, (await ctx.identity.person(name))?.id ?? null);
    out.push(cache.get(name) ?? null);
  }
  return out;
}

// GET /statements ----------------------------------------------------------------------------

const QUERY_PARAMS = [
  'statementId',
  'voidedStatementId',
  'agent',
  'verb',
  'activity',
  'registration',
  'related_activities',
  'related_agents',
  'since',
  'until',
  'limit',
  'format',
  'attachments',
  'ascending',
  'more',
];
const SINGLE_PARAMS = ['statementId', 'voidedStatementId', 'format', 'attachments'];

const param = (path: string, rule: string, message: string) =>
  bad(message, [{ path: `/query/${path}`, rule, message }]);

function booleanParam(query: Record<string, string>, name: string): boolean {
  const v = query[name];
  if (v === undefined) return false;
  if (v === 'true' || v === 'false') return v === 'true';
  throw param(name, 'boolean', `${name} is true or false`);
}

function timeParam(query: Record<string, string>, name: string): Date | undefined {
  const v = query[name];
  if (v === undefined) return undefined;
  const ok =
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(v) && !Number.isNaN(Date.parse(v));
  if (!ok) throw param(name, 'timestamp', `${name} is an ISO 8601 timestamp with a time zone`);
  return new Date(v);
}

function formatParam(query: Record<string, string>): Format {
  const v = query.format ?? 'exact';
  if (v === 'exact' || v === 'ids' || v === 'canonical') return v;
  throw param('format', 'enum', 'format is ids, exact or canonical');
}

export type StatementsAnswer =
  | { kind: 'one'; statement: Json; stored: Date }
  | { kind: 'page'; statements: Json[]; more: string };

interface Cursor {
  q: Record<string, string>;
  s: number;
  i: string;
}

const encodeMore = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decodeMore(token: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Cursor;
    if (isObject(c.q) && Number.isFinite(c.s) && typeof c.i === 'string' && UUID.test(c.i)) return c;
  } catch {
    // refused below
  }
  throw param('more', 'cursor', 'more is not a link this LRS gave');
}

/** GET statements: one by id (voided or not), or a page of a query with a `more` link. */
export async function readStatements(
  ctx: Ctx,
  credential: CredentialRow,
  scope: 'all' | 'mine',
  input: Record<string, string>,
  moreBase: string,
): Promise<StatementsAnswer> {
  const unknown = Object.keys(input).find((k) => !QUERY_PARAMS.includes(k));
  if (unknown) throw param(unknown, 'additionalProperties', `"${unknown}" is not a statements parameter`);
  const lrsId = credential.institutionId;
  const mine = scope === 'mine' ? credential.id : null;
  const acceptLanguage = ctx.c.req.header('accept-language');

  if (input.statementId !== undefined || input.voidedStatementId !== undefined) {
    const name = input.statementId !== undefined ? 'statementId' : 'voidedStatementId';
    const other = Object.keys(input).find(
      (k) => !SINGLE_PARAMS.includes(k) || (k !== name && k.endsWith('tatementId')),
    );
    if (other) throw param(other, 'exclusive', `${other} cannot be used with ${name}`);
    const id = (input[name] as string).toLowerCase();
    if (!UUID.test(id)) throw param(name, 'uuid', `${name} is a UUID`);
    const format = formatParam(input);
    booleanParam(input, 'attachments');
    const row = await findStatement(ctx.db, lrsId, id, name === 'voidedStatementId', mine);
    if (!row) throw XapiNotFound({ detail: `No ${name === 'statementId' ? '' : 'voided '}statement ${id} here.` });
    return {
      kind: 'one',
      statement: formatStatement(row.statement as Json, format, acceptLanguage),
      stored: row.stored,
    };
  }

  let query = input;
  let after: StatementFilter['after'];
  if (input.more !== undefined) {
    if (Object.keys(input).length > 1) throw param('more', 'exclusive', 'more is used alone');
    const cursor = decodeMore(input.more);
    query = cursor.q;
    after = { stored: new Date(cursor.s), id: cursor.i };
  }
  const filter: StatementFilter = {
    lrsId,
    credentialId: mine,
    relatedAgents: booleanParam(query, 'related_agents'),
    relatedActivities: booleanParam(query, 'related_activities'),
    ascending: booleanParam(query, 'ascending'),
    since: timeParam(query, 'since'),
    until: timeParam(query, 'until'),
    after,
  };
  booleanParam(query, 'attachments');
  const format = formatParam(query);
  if (query.agent !== undefined) {
    let agent: unknown;
    try {
      agent = JSON.parse(query.agent);
    } catch {
      throw param('agent', 'json', 'agent is an Agent or identified Group as JSON');
    }
    const errors = agentErrors(agent, '/query/agent');
    const ifi = ifiOf(agent);
    if (errors.length > 0 || !ifi) throw bad('agent is not an Agent or identified Group.', errors);
    filter.agent = ifi.startsWith('mbox:') ? ifi.toLowerCase() : ifi;
  }
  if (query.verb !== undefined) {
    if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(query.verb)) throw param('verb', 'iri', 'verb is an IRI');
    filter.verb = query.verb;
  }
  if (query.activity !== undefined) {
    if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(query.activity)) throw param('activity', 'iri', 'activity is an IRI');
    filter.activity = query.activity;
  }
  if (query.registration !== undefined) {
    if (!UUID.test(query.registration)) throw param('registration', 'uuid', 'registration is a UUID');
    filter.registration = query.registration.toLowerCase();
  }
  const max = ctx.config.maxStatementsPerRequest;
  let limit = max;
  if (query.limit !== undefined) {
    if (!/^\d{1,9}$/.test(query.limit)) throw param('limit', 'integer', 'limit is a whole number ≥ 0');
    const asked = Number(query.limit);
    limit = asked === 0 ? max : Math.min(asked, max);
  }
  const rows = await queryStatements(ctx.db, filter, limit);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const more =
    rows.length > limit && last
      ? `${moreBase}?more=${encodeMore({ q: withoutMore(query), s: last.stored.getTime(), i: last.id })}`
      : '';
  return {
    kind: 'page',
    statements: page.map((r) => formatStatement(r.statement as Json, format, acceptLanguage)),
    more,
  };
}

function withoutMore(query: Record<string, string>): Record<string, string> {
  const { more: _more, ...rest } = query;
  return rest;
}
