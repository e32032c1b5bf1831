import { defineContract } from '@lifelong/core/contract';
import { Wallet } from './schemas.js';

export const getWallet = defineContract({
  operationId: 'wallet.get',
  method: 'get',
  path: '/wallet',
  summary: "The signed-in person's points and vouchers (accounts opened on first use)",
  description:
    "The signed-in person's spendable POINT and learning VOUCHER balances, with what pending redemptions hold; " +
    'their accounts are opened on first use. API keys get 403 `CREDIT_BANK_PEOPLE_ONLY`.',
  access: { authenticated: 'a signed-in person, for their own wallet' },
  responses: { 200: { description: 'Balances', schema: Wallet } },
});
