import type { LearningRecord } from '@lifelong/plugin-credit-bank';
import { CLR_SCHEMA, CLR_V2, OB_SCHEMA, OB_V3, VC_V2 } from './contexts.js';
import { sha256 } from './keys.js';

// Open Badges 3.0 and CLR 2.0 documents (VC Data Model 2.0), before any proof. Nothing personal
// beyond the learner number: the person is named by a salted hash of their id.

export interface Issuer {
  did: string;
  name: string;
  regionId: string;
  publicOrigin: string;
}

export interface Subject {
  personId: string;
  learnerNumber: string;
}

export interface StatusEntry {
  index: number;
  listUrl: string;
}

const second = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');
const credits = (minor: string) => Number(minor) / 10;

/** OB 3.0 IdentityObjects: a salted SHA-256 of the person's id, and the learner number. */
export function identifiers(subject: Subject, salt: string) {
  return [
    {
      type: 'IdentityObject',
      identityHash: `sha256$${sha256(`${subject.personId}${salt}`).toString('hex')}`,
      identityType: 'identifier',
      hashed: true,
      salt,
    },
    { type: 'IdentityObject', identityHash: subject.learnerNumber, identityType: 'ext:LearnerNumber', hashed: false },
  ];
}

const issuerProfile = (issuer: Issuer) => ({
  id: issuer.did,
  type: ['Profile'],
  name: `${issuer.name} (${issuer.regionId})`,
  url: issuer.publicOrigin,
});

const status = (entry: StatusEntry) => ({
  id: `${entry.listUrl}#${entry.index}`,
  type: 'BitstringStatusListEntry',
  statusPurpose: 'revocation',
  statusListIndex: String(entry.index),
  statusListCredential: entry.listUrl,
});

/** The Achievement of a record: what was learnt, its criteria, stage, level, workload and outcomes. */
export function achievementOf(record: LearningRecord, issuer: Issuer) {
  const id = `urn:uuid:${record.id}`;
  return {
    id,
    type: ['Achievement'],
    achievementType: 'Course',
    name: record.title,
    description: `${record.title}: ${record.workloadHours} hours of ${record.form} learning at stage ${record.stage}${record.level ? `, level ${record.level}` : ''}, assessed by ${record.assessment.type}.`,
    criteria: {
      narrative: `Completed and assessed (${record.assessment.type}) as recorded by the ${issuer.name} of ${issuer.regionId}.${record.learningOutcomes.length > 0 ? ` Learning outcomes: ${record.learningOutcomes.join('; ')}.` : ''}`,
    },
    creditsAvailable: credits(record.credits),
    alignment: [
      {
        type: ['Alignment'],
        targetName: `Stage: ${record.stage}`,
        targetUrl: `urn:lifelong:stage:${record.stage}`,
        targetType: 'ext:Stage',
      },
      ...(record.level
        ? [
            {
              type: ['Alignment'],
              targetName: `Level ${record.level}`,
              targetUrl: `urn:lifelong:level:${record.level}`,
              targetType: 'ext:Level',
            },
          ]
        : []),
      ...record.learningOutcomes.map((outcome, n) => ({
        type: ['Alignment'],
        targetName: outcome,
        targetUrl: `${id}#outcome-${n + 1}`,
        targetType: 'ceasn:Competency',
      })),
    ],
    resultDescription: [
      { id: `${id}#workload`, type: ['ResultDescription'], name: 'Workload (hours)', resultType: 'ext:WorkloadHours' },
      ...(record.assessment.score === null
        ? []
        : [{ id: `${id}#score`, type: ['ResultDescription'], name: 'Score (0-100)', resultType: 'ScaledScore' }]),
    ],
  };
}

const results = (record: LearningRecord) => [
  { type: ['Result'], resultDescription: `urn:uuid:${record.id}#workload`, value: String(record.workloadHours) },
  ...(record.assessment.score === null
    ? []
    : [{ type: ['Result'], resultDescription: `urn:uuid:${record.id}#score`, value: String(record.assessment.score) }]),
];

export interface Envelope {
  id: string;
  issuer: Issuer;
  subject: Subject;
  salt: string;
  status: StatusEntry;
  validFrom: Date;
  validUntil: Date | null;
}

const validity = (e: Envelope) => ({
  validFrom: second(e.validFrom),
  ...(e.validUntil ? { validUntil: second(e.validUntil) } : {}),
});

export function openBadgeCredential(record: LearningRecord, e: Envelope) {
  return {
    '@context': [VC_V2, OB_V3],
    id: `urn:uuid:${e.id}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: record.title,
    issuer: issuerProfile(e.issuer),
    ...validity(e),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: identifiers(e.subject, e.salt),
      achievement: achievementOf(record, e.issuer),
      creditsEarned: credits(record.credits),
      activityEndDate: record.completedAt,
      result: results(record),
    },
    ...(record.evidence.length > 0
      ? {
          evidence: record.evidence.map((hash) => ({
            id: `urn:sha256:${hash}`,
            type: ['Evidence'],
            name: 'Evidence file (SHA-256)',
          })),
        }
      : {}),
    credentialStatus: status(e.status),
    credentialSchema: [{ id: OB_SCHEMA, type: 'JsonSchema' }],
  };
}

/** A CLR 2.0 transcript: the records' signed OB credentials and their achievements. */
export function clrCredential(
  badges: readonly Record<string, unknown>[],
  records: readonly LearningRecord[],
  e: Envelope,
) {
  return {
    '@context': [VC_V2, CLR_V2, OB_V3],
    id: `urn:uuid:${e.id}`,
    type: ['VerifiableCredential', 'ClrCredential'],
    name: `Transcript of learner ${e.subject.learnerNumber}`,
    issuer: issuerProfile(e.issuer),
    ...validity(e),
    credentialSubject: {
      type: ['ClrSubject'],
      identifier: identifiers(e.subject, e.salt),
      verifiableCredential: badges,
      achievement: records.map((record) => achievementOf(record, e.issuer)),
    },
    credentialStatus: status(e.status),
    credentialSchema: [{ id: CLR_SCHEMA, type: 'JsonSchema' }],
  };
}
