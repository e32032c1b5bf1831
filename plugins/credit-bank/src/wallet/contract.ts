import { defineContract } from '@lifelong/core/contract';
import { Wallet } from './schemas.js';

export const getWallet = defineContract({
  operationId: 'wallet.get',
  method: 'get',
  path: '/wallet',
  summary: "The signed-in person's points and vouchers (accounts opened on first use)",
  access: { authenticated: 'a signed-in person, for their own wallet' },
  responses: { 200: { description: 'Balances', schema: Wallet } },
});
