import { type Static, Type } from '@sinclair/typebox';

// Building blocks shared by the features' request and response schemas.
export const Id = Type.String({ format: 'uuid' });
export const Timestamp = Type.String({ format: 'date-time' });
export const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);
/** An amount in the asset's minor units, as a decimal string (ledger amounts never travel as numbers). */
export const Amount = Type.String({ pattern: '^[0-9]{1,19}$' });
export const Note = Type.String({ minLength: 1, maxLength: 2000 });

export const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of an uploaded media file.' });

export const MediaFile = Type.Object({ sha256: Sha256, contentType: Type.String(), size: Type.Integer() });
export type MediaFile = Static<typeof MediaFile>;

export const Lesson = Type.Object({
  id: Id,
  position: Type.Integer({ minimum: 1 }),
  title: Type.String(),
  media: Type.Array(MediaFile),
  durationSeconds: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
    description: "How long the lesson's media plays (null: not declared); completion needs engaged time against it.",
  }),
});
export type Lesson = Static<typeof Lesson>;

/** The path of every route about one course. */
export const CourseParams = Type.Object({ courseId: Id });

/** A ledger account's balance, as the wallet and bookseller routes show it. */
export const Wallet = Type.Object({ accountId: Id, asset: Type.String(), balance: Type.String() });
