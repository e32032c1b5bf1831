import type { AssessmentsRegistrar } from '../config.js';
import * as contract from './contract.js';
import * as service from './service.js';

/** Serves forms: made from a bank by its authors, listed and opened for learners. */
export function registerForms(p: AssessmentsRegistrar): void {
  p.route(contract.createForm, async ({ params, body }, ctx) => ({
    status: 201,
    body: await service.createForm(ctx, params.bankId, body),
  }));
  p.route(contract.listBankForms, async ({ params, query }, ctx) => ({
    status: 200,
    body: await service.listBankForms(ctx, params.bankId, query),
  }));
  p.route(contract.listOpenForms, async ({ query }, ctx) => ({
    status: 200,
    body: await service.listOpenForms(ctx, query),
  }));
  p.route(contract.getForm, async ({ params }, ctx) => ({
    status: 200,
    body: await service.getForm(ctx, params.formId),
  }));
  p.route(contract.setFormStatus, async ({ params, body }, ctx) => ({
    status: 200,
    body: await service.setFormStatus(ctx, params.formId, body.status),
  }));
}
