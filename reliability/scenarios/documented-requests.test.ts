import { createTestPlatform, type TestPlatform } from '@lifelong/core/testing';
import { ValueErrorType } from '@sinclair/typebox/value';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ACCEPTING_MESSAGING, FIRST_PARTY_PLUGINS } from '../plugins.js';
import { buildPath, type Operation, operationsOf, validParams, validQuery } from '../support/mutations.js';
import { type JsonSchema, sample } from '../support/schema-sample.js';

/**
 * The document is the contract: for every operation of /openapi.json, a minimal request the
 * document itself accepts (checked with an independent JSON Schema validator, Ajv) is sent as the
 * platform admin, and the answer must never be a 400 for a schema rule — a pattern, a length, a
 * required or unknown field — that the document does not state. Business refusals (a learner
 * number whose check character is wrong, an unknown institution) are 400s with their own rules
 * and are not schema mismatches.
 */
let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform({ plugins: FIRST_PARTY_PLUGINS, messaging: ACCEPTING_MESSAGING });
});
afterAll(() => t?.close());

// The validator's rules, as the platform names them (core/src/http/validation.ts), plus the two it
// renames: these are the rules a document-valid request must never break.
const SCHEMA_RULES = new Set([
  ...Object.keys(ValueErrorType)
    .filter((name) => Number.isNaN(Number(name)))
    .map((name) => name.charAt(0).toLowerCase() + name.slice(1)),
  'additionalProperties',
  'required',
]);

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
// ajv-formats is CommonJS: its plugin is the module's `default` export.
ajvFormats.default(ajv);

function accepts(schema: JsonSchema | undefined, value: unknown): boolean {
  if (!schema) return true;
  try {
    return ajv.validate(schema, value) as boolean;
  } catch {
    return false;
  }
}

/** The fuzzer's well-formed request for the operation, and whether the document accepts it. */
function minimalRequest(op: Operation, known: Record<string, string>) {
  const params = validParams(op, known);
  const query = validQuery(op);
  const body = op.body ? sample(op.body) : undefined;
  const valid =
    op.pathParams.every((p) => accepts(p.schema, params[p.name])) &&
    op.queryParams.every((p) => !(p.name in query) || accepts(p.schema, query[p.name])) &&
    (!op.body || accepts(op.body, body));
  return { valid, path: buildPath(op, params, query), body };
}

it('never answers a document-valid request with a 400 for a schema rule the document does not state', async () => {
  const doc = await (await t.request('/openapi.json')).json();
  const person = await t.person({ verified: true });
  // Real values where the document's patterns are beyond a simple generator (a learner number's
  // check character): the request stays one the document accepts.
  const known = { learnerNumber: person.learnerNumber, regionId: 'default', pluginId: 'credit-bank' };

  const mismatches: string[] = [];
  const skipped: string[] = [];
  let checked = 0;
  for (const op of operationsOf(doc)) {
    const request = minimalRequest(op, known);
    const name = `${op.method} ${op.template}`;
    if (!request.valid) {
      skipped.push(name);
      continue;
    }
    checked++;
    const res = await t.request(request.path, {
      method: op.method,
      auth: 'admin',
      ...(request.body === undefined ? {} : { json: request.body }),
    });
    if (res.status !== 400) continue;
    const problem = await res.json();
    const broken = (problem.errors ?? []).filter((e: { rule: string }) => SCHEMA_RULES.has(e.rule));
    if (broken.length > 0) {
      mismatches.push(
        `${name}: ${broken.map((e: { path: string; rule: string }) => `${e.path} ${e.rule}`).join(', ')}`,
      );
    }
  }
  console.log(
    `documented requests: ${checked} operations checked, ${skipped.length} without a generated valid request`,
  );
  expect(mismatches).toEqual([]);
  // The check means something only if most operations got a request the document accepts.
  expect(checked).toBeGreaterThan(operationsOf(doc).length * 0.7);
});
