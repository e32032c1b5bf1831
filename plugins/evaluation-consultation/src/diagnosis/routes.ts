import type { EvaluationRegistrar } from '../config.js';
import * as contract from './contract.js';
import * as service from './service.js';

/** Serves the diagnosis: grades, findings and solutions, and the report with its accuracy window. */
export function registerDiagnosis(p: EvaluationRegistrar): void {
  p.route(contract.submitSelfEvaluation, async ({ params, body }, ctx) => ({
    status: 201,
    body: await service.submitSelfEvaluation(ctx, params.engagementId, body.grades),
  }));
  p.route(contract.gradeIndicators, async ({ params, body }, ctx) => ({
    status: 201,
    body: await service.gradeIndicators(ctx, params.engagementId, body.grades),
  }));
  p.route(contract.getGrades, async ({ params }, ctx) => ({
    status: 200,
    body: await service.getGrades(ctx, params.engagementId),
  }));
  p.route(contract.addFinding, async ({ params, body }, ctx) => ({
    status: 201,
    body: await service.addFinding(ctx, params.engagementId, body),
  }));
  p.route(contract.addSolution, async ({ params, body }, ctx) => ({
    status: 201,
    body: await service.addSolution(ctx, params.engagementId, params.findingId, body.text),
  }));
  p.route(contract.listFindings, async ({ params }, ctx) => ({
    status: 200,
    body: await service.listFindings(ctx, params.engagementId),
  }));
  p.route(contract.createDraft, async ({ params }, ctx) => ({
    status: 201,
    body: await service.createDraft(ctx, params.engagementId),
  }));
  p.route(contract.releaseDraft, async ({ params }, ctx) => ({
    status: 200,
    body: await service.releaseDraft(ctx, params.engagementId),
  }));
  p.route(contract.getReport, async ({ params, query }, ctx) => ({
    status: 200,
    body: await service.getReport(ctx, params.engagementId, query.version),
  }));
  p.route(contract.listReportVersions, async ({ params }, ctx) => ({
    status: 200,
    body: await service.listReportVersions(ctx, params.engagementId),
  }));
  p.route(contract.reportHtml, async ({ params, query }, ctx) => ({
    response: await service.renderHtml(ctx, params.engagementId, query.version),
  }));
  p.route(contract.reportPdf, async ({ params, query }, ctx) => ({
    response: await service.renderPdf(ctx, params.engagementId, query.version),
  }));
  p.route(contract.addComment, async ({ params, body }, ctx) => ({
    status: 201,
    body: await service.addComment(ctx, params.engagementId, body),
  }));
  p.route(contract.listComments, async ({ params }, ctx) => ({
    status: 200,
    body: await service.listComments(ctx, params.engagementId),
  }));
  p.route(contract.respondToComment, async ({ params, body }, ctx) => ({
    status: 200,
    body: await service.respondToComment(ctx, params.engagementId, params.commentId, body),
  }));
  p.route(contract.finaliseReport, async ({ params }, ctx) => ({
    status: 201,
    body: await service.finalise(ctx, params.engagementId),
  }));
}
