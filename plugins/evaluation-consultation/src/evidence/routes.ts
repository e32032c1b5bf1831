import { serveFile } from '@lifelong/core';
import type { EvaluationRegistrar } from '../config.js';
import * as contract from './contract.js';
import * as service from './service.js';

/** Serves the evidence file: notes, records and documents, versioned. */
export function registerEvidence(p: EvaluationRegistrar): void {
  p.route(contract.createEvidence, async ({ params, body }, ctx) => ({
    status: 201,
    body: await service.createEvidence(ctx, params.engagementId, body),
  }));
  p.route(contract.uploadDocument, async ({ params, query, upload }, ctx) => ({
    status: 201,
    body: await service.uploadDocument(ctx, params.engagementId, query, upload),
  }));
  p.route(contract.addEvidenceVersion, async ({ params, body }, ctx) => ({
    status: 201,
    body: await service.addEvidenceVersion(ctx, params.engagementId, params.evidenceId, body),
  }));
  p.route(contract.listEvidence, async ({ params, query }, ctx) => ({
    status: 200,
    body: await service.listEvidence(ctx, params.engagementId, query),
  }));
  p.route(contract.getEvidence, async ({ params }, ctx) => ({
    status: 200,
    body: await service.getEvidence(ctx, params.engagementId, params.evidenceId),
  }));
  p.route(contract.getEvidenceFile, async ({ params }, ctx) => ({
    response: await serveFile(
      ctx.files,
      ctx.c.req.raw,
      await service.fileToServe(ctx, params.engagementId, params.evidenceId, params.version),
    ),
  }));
}
