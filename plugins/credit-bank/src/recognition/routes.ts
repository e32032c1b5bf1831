import { Forbidden, NotFound } from '@lifelong/core';
import type { CreditBankRegistrar } from '../config.js';
import { PeopleOnly } from '../shared/errors.js';
import * as contract from './contract.js';
import { addEvidence, decide, storeEvidence, submitCertificate } from './service.js';
import { findCertificate, listCertificates, requireReadCertificate, viewOf } from './store.js';

/** Declares recognition: evidence upload, certificate submission and review. */
export function registerRecognition(p: CreditBankRegistrar): void {
  p.route(contract.uploadEvidence, async ({ upload }, ctx) => ({
    status: 201,
    body: await storeEvidence(ctx, upload),
  }));

  p.route(contract.submitCertificate, async ({ body }, ctx) => {
    const row = await submitCertificate(ctx, body);
    return { status: 201, body: await viewOf(ctx.db, row) };
  });

  p.route(contract.listCertificates, async ({ query }, ctx) => ({
    status: 200,
    body: await listCertificates(
      ctx.db,
      { personId: ctx.requirePerson(PeopleOnly), status: query.status },
      query.limit ?? 50,
      query.cursor,
    ),
  }));

  p.route(contract.listInstitutionCertificates, async ({ params, query }, ctx) => {
    const institution = await ctx.identity.institution(params.institutionId);
    if (!institution) throw NotFound({ detail: `No institution ${params.institutionId}.` });
    if (
      !ctx.can('certificates.review', { institutionId: institution.id }) &&
      !ctx.can('certificates.review', { regionId: institution.regionId })
    ) {
      throw Forbidden({ detail: "Only the institution's verifiers and its region's reviewers may see this." });
    }
    return {
      status: 200,
      body: await listCertificates(
        ctx.db,
        { institutionId: institution.id, status: query.status },
        query.limit ?? 50,
        query.cursor,
      ),
    };
  });

  p.route(contract.getCertificate, async ({ params }, ctx) => {
    const row = await findCertificate(ctx.db, params.certificateId);
    await requireReadCertificate(ctx, row);
    return { status: 200, body: await viewOf(ctx.db, row) };
  });

  p.route(contract.addCertificateEvidence, async ({ params, body }, ctx) => {
    const row = await addEvidence(ctx, params.certificateId, body);
    return { status: 200, body: await viewOf(ctx.db, row) };
  });

  p.route(contract.decideCertificate, async ({ params, body }, ctx) => {
    const row = await decide(ctx, params.certificateId, body);
    return { status: 200, body: await viewOf(ctx.db, row) };
  });
}
