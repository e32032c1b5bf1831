import { Type } from '@sinclair/typebox';
import { Id } from './common-schemas.js';

/** The path of every route about one bank. */
export const BankParams = Type.Object({ bankId: Id });
