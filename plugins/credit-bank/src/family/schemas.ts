import { Page, PageQuery } from '@lifelong/core/schemas';
import { type Static, Type } from '@sinclair/typebox';
import { Amount } from '../shared/schemas.js';

export const FamilyGroupParams = Type.Object({ groupId: Type.String({ format: 'uuid' }) });

export const FamilyTransferBody = Type.Object(
  {
    /** The receiving family member's learner number. */
    to: Type.String({ minLength: 1, maxLength: 32, pattern: '^[0-9A-Za-z-]+$' }),
    /** POINTs to convert; at the region's rate they must make a whole number of vouchers. */
    points: Amount,
  },
  { additionalProperties: false },
);
export type FamilyTransferBody = Static<typeof FamilyTransferBody>;

export const FamilyTransfer = Type.Object({
  id: Type.String({ format: 'uuid' }),
  groupId: Type.String({ format: 'uuid' }),
  from: Type.String({ description: "The sender's learner number." }),
  to: Type.String({ description: "The receiver's learner number." }),
  points: Type.String(),
  vouchers: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type FamilyTransfer = Static<typeof FamilyTransfer>;

export const FamilyTransferPage = Page(FamilyTransfer);
export const FamilyTransferListQuery = PageQuery;

export const FamilyAllowance = Type.Object({
  year: Type.Integer(),
  capPoints: Type.String(),
  sentPoints: Type.String(),
  remainingPoints: Type.String(),
  conversion: Type.Object({ points: Type.Integer(), vouchers: Type.Integer() }),
});
export type FamilyAllowance = Static<typeof FamilyAllowance>;
