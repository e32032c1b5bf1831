import type { PluginRequest } from '@lifelong/sdk';
import type { Wallet } from './schemas.js';

/** SDK methods of the wallet (see ../client.ts). */
export const walletApi = (request: PluginRequest) => ({
  /** The signed-in person's points and vouchers. */
  wallet: () => request<Wallet>('GET', '/wallet'),
});
