import type { Upload } from '@lifelong/core';
import type { LearningRecordsRegistrar } from '../config.js';
import type { Ctx } from '../context.js';
import { XapiBadRequest, XapiUnsupportedMediaType } from '../errors.js';
import { agentErrors, UUID } from '../shared/grammar.js';
import { scopeFor, xapi } from '../shared/xapi-http.js';
import * as contract from './contract.js';
import { myStatements } from './mine.js';
import { parseStatementsBody, readStatements, storeStatements } from './service.js';
import { latestActivityDefinition } from './store.js';

const CONSISTENT_THROUGH = 'X-Experience-API-Consistent-Through';

function jsonBody(upload: Upload) {
  if (upload.contentType !== 'application/json') {
    throw XapiUnsupportedMediaType({ detail: `Got ${upload.contentType}; send application/json.` });
  }
  return parseStatementsBody(upload.bytes);
}

/** The raw query: every parameter as sent (the LRS refuses unknown ones itself, with xAPI's 400). */
const rawQuery = (ctx: Ctx) => ctx.c.req.query();

const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;

function only(ctx: Ctx, name: string): string {
  const query = rawQuery(ctx);
  const extra = Object.keys(query).find((k) => k !== name);
  if (extra) {
    throw XapiBadRequest({
      errors: [{ path: `/query/${extra}`, rule: 'additionalProperties', message: 'Unknown parameter' }],
    });
  }
  const value = query[name];
  if (value === undefined)
    throw XapiBadRequest({ errors: [{ path: `/query/${name}`, rule: 'required', message: `${name} is required` }] });
  return value;
}

export function registerStatements(p: LearningRecordsRegistrar): void {
  p.route(contract.listMyStatements, async ({ query }, ctx) => ({ status: 200, body: await myStatements(ctx, query) }));
  p.route(contract.getActivity, (_input, ctx) =>
    xapi(ctx, async (_version, credential) => {
      scopeFor(credential, 'profile', true);
      const activityId = only(ctx, 'activityId');
      if (!IRI.test(activityId)) {
        throw XapiBadRequest({ errors: [{ path: '/query/activityId', rule: 'iri', message: 'activityId is an IRI' }] });
      }
      const definition = await latestActivityDefinition(ctx.db, credential.institutionId, activityId);
      const body: Record<string, unknown> = { objectType: 'Activity', id: activityId };
      if (definition !== undefined && definition !== null) body.definition = definition;
      return { status: 200 as const, body };
    }),
  );

  p.route(contract.getAgent, (_input, ctx) =>
    xapi(ctx, async (_version, credential) => {
      scopeFor(credential, 'profile', true);
      let agent: unknown;
      try {
        agent = JSON.parse(only(ctx, 'agent'));
      } catch {
        throw XapiBadRequest({
          errors: [{ path: '/query/agent', rule: 'json', message: 'agent is an Agent as JSON' }],
        });
      }
      const errors = agentErrors(agent, '/query/agent');
      if (errors.length > 0) throw XapiBadRequest({ errors });
      const a = agent as Record<string, unknown>;
      const person: Record<string, unknown> = { objectType: 'Person' };
      for (const k of ['name', 'mbox', 'mbox_sha1sum', 'openid', 'account']) if (a[k] !== undefined) person[k] = [a[k]];
      return { status: 200 as const, body: person };
    }),
  );

  p.route(contract.putStatement, ({ upload }, ctx) =>
    xapi(ctx, async (version, credential) => {
      scopeFor(credential, 'statements/write');
      const query = rawQuery(ctx);
      const extra = Object.keys(query).find((k) => k !== 'statementId');
      if (extra) {
        throw XapiBadRequest({
          errors: [{ path: `/query/${extra}`, rule: 'additionalProperties', message: 'Unknown parameter' }],
        });
      }
      const statementId = query.statementId?.toLowerCase();
      if (!statementId || !UUID.test(statementId)) {
        throw XapiBadRequest({
          detail: 'PUT statements needs statementId, a UUID.',
          errors: [{ path: '/query/statementId', rule: 'uuid', message: 'A UUID is required' }],
        });
      }
      const { list, single } = jsonBody(upload);
      if (!single) {
        throw XapiBadRequest({
          errors: [{ path: '/body', rule: 'type', message: 'PUT stores one statement (an object)' }],
        });
      }
      await storeStatements(ctx, list, { credential, version, statementId });
      return { status: 204 as const, body: undefined };
    }),
  );

  p.route(contract.postStatements, ({ upload }, ctx) =>
    xapi(ctx, async (version, credential) => {
      scopeFor(credential, 'statements/write');
      const extra = Object.keys(rawQuery(ctx))[0];
      if (extra) {
        throw XapiBadRequest({
          errors: [{ path: `/query/${extra}`, rule: 'additionalProperties', message: 'Unknown parameter' }],
        });
      }
      const { list } = jsonBody(upload);
      const ids = await storeStatements(ctx, list, { credential, version });
      return { status: 200 as const, body: ids };
    }),
  );

  p.route(contract.getStatements, (_input, ctx) => {
    // Every statement stored before this instant is committed or about to be (XAPI-00152/00153:
    // on every answer, errors included).
    const always = { [CONSISTENT_THROUGH]: ctx.now().toISOString() };
    return xapi(
      ctx,
      async (_version, credential) => {
        const scope = scopeFor(credential, 'statements/read');
        const answer = await readStatements(ctx, credential, scope, rawQuery(ctx), ctx.c.req.path);
        // Never before a returned statement's `stored` (one stored by a request still running
        // when this one began may be visible by now).
        const through = (stored: string[]) => ({
          [CONSISTENT_THROUGH]: [always[CONSISTENT_THROUGH] as string, ...stored].sort().at(-1) as string,
        });
        if (answer.kind === 'one') {
          const headers = { ...through([answer.stored.toISOString()]), 'Last-Modified': answer.stored.toUTCString() };
          return { status: 200 as const, body: answer.statement, headers };
        }
        const headers = through(answer.statements.map((s) => String(s.stored)));
        return { status: 200 as const, body: { statements: answer.statements, more: answer.more }, headers };
      },
      always,
    );
  });
}
