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

/** A record was withdrawn (it stays, marked withdrawn): credentials issued for it are revoked. */
export const RecordWithdrawn = defineEvent(
  'credit-bank.record.withdrawn',
  Type.Object({ recordId: Type.String(), personId: Type.String(), regionId: Type.String() }),
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

const RedemptionApprovalFields = {
  redemptionId: Type.String(),
  resourceId: Type.String(),
  /** The minor who redeemed. */
  personId: Type.String(),
  regionId: Type.String(),
};

/** A minor's redemption waits for a guardian: sent to their guardians (`guardianIds`). */
export const RedemptionApprovalRequested = defineEvent(
  'credit-bank.redemption-approval.requested',
  Type.Object({ ...RedemptionApprovalFields, guardianIds: Type.Array(Type.String()), points: Type.String() }),
);

/** A guardian approved or declined a minor's redemption. */
export const RedemptionApprovalDecided = defineEvent(
  'credit-bank.redemption-approval.decided',
  Type.Object({
    ...RedemptionApprovalFields,
    guardianId: Type.String(),
    decision: Type.Union([Type.Literal('approved'), Type.Literal('declined')]),
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
  RecordWithdrawn,
  CreditAwarded,
  CertificateReviewed,
  ResourceRedeemed,
  RedemptionApprovalRequested,
  RedemptionApprovalDecided,
  FamilyTransferMade,
];
