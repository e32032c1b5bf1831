import { type Static, Type } from '@sinclair/typebox';
import { Balance } from '../shared/schemas.js';

export const Wallet = Type.Object({
  points: Balance,
  vouchers: Balance,
});
export type Wallet = Static<typeof Wallet>;
