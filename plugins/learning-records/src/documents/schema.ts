import type { TableDistribution } from '@lifelong/core';
import { customType, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { learningRecords } from '../schema.js';

const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  // postgres.js gives a Buffer, PGlite a Uint8Array: one type for the handlers.
  fromDriver: (value) => Buffer.from(value),
});

/**
 * The document resources (1.0.3 Communication 2.3–2.6): state (activity × agent × registration ×
 * stateId), activity profiles (activity × profileId) and agent profiles (agent × profileId), one
 * table with '' for the parts a kind does not have, so one unique index names each document.
 */
export const documents = learningRecords.table(
  'documents',
  {
    lrsId: uuid('lrs_id').notNull(),
    id: uuid('id').notNull(),
    kind: text('kind', { enum: ['state', 'activityProfile', 'agentProfile'] }).notNull(),
    activityId: text('activity_id').notNull(),
    agentIfi: text('agent_ifi').notNull(),
    registration: text('registration').notNull(),
    documentId: text('document_id').notNull(),
    contentType: text('content_type').notNull(),
    content: bytea('content').notNull(),
    etag: text('etag').notNull(),
    updated: timestamp('updated', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.lrsId, t.id] }),
    uniqueIndex('documents_key').on(t.lrsId, t.kind, t.activityId, t.agentIfi, t.registration, t.documentId),
  ],
);

export const documentsDistribution: readonly TableDistribution[] = [
  // An institution's LRS, with its statements.
  { table: documents, kind: 'distributed', column: 'lrs_id', colocation: 'learning-records-lrs' },
];
