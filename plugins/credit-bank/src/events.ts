import { defineEvent } from '@lifelong/core';
import { Type } from '@sinclair/typebox';

// Events carry ids and figures, never personal details. Keyed by person (or group) so that one
// person's events are delivered in order.

export const RecordCreated = defineEvent(
  'credit-bank.record.created',
  Type.Object({
    recordId: Type.String(),
    personId: Type.String(),
    regionId: Type.String(),
    origin: Type.String({ description: 'completion | recognition | import | manual' }),
  }),
);

export const CreditAwarded = defineEvent(
  'credit-bank.credit.awarded',
  Type.Object({
    recordId: Type.String(),
    personId: Type.String(),
    regionId: Type.String(),
    credits: Type.String({ description: 'CREDIT minor units (scale 1).' }),
    points: Type.String(),
  }),
);

export const CertificateReviewed = defineEvent(
  'credit-bank.certificate.reviewed',
  Type.Object({
    certificateId: Type.String(),
    personId: Type.String(),
    regionId: Type.String(),
    decision: Type.String({ description: 'approved | rejected | more-evidence-requested' }),
  }),
);

export const ResourceRedeemed = defineEvent(
  'credit-bank.resource.redeemed',
  Type.Object({
    redemptionId: Type.String(),
    resourceId: Type.String(),
    personId: Type.String(),
    regionId: Type.String(),
    /** The price held, in units of `asset`. */
    points: Type.String(),
    asset: Type.String({ description: 'POINT, or VOUCHER for a learning resource paid with vouchers.' }),
    /** Who pays: the person, or a group's pool (a spend its admins approved). */
    payer: Type.Object({ type: Type.String(), id: Type.String() }),
  }),
);

export const FamilyTransferMade = defineEvent(
  'credit-bank.family-transfer.made',
  Type.Object({
    transferId: Type.String(),
    groupId: Type.String(),
    fromPersonId: Type.String(),
    toPersonId: Type.String(),
    /** Set when the receiver is a minor: their guardians are told. */
    guardianIds: Type.Array(Type.String()),
    points: Type.String(),
    vouchers: Type.String(),
  }),
);

export const CREDIT_BANK_EVENTS = [
  RecordCreated,
  CreditAwarded,
  CertificateReviewed,
  ResourceRedeemed,
  FamilyTransferMade,
];
