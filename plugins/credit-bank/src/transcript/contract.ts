import { defineContract } from '@lifelong/core/contract';
import {
  CreatedShare,
  CreateShareBody,
  SharedParams,
  ShareList,
  ShareParams,
  Transcript,
  TranscriptParams,
  TranscriptQuery,
} from './schemas.js';

export const getTranscript = defineContract({
  operationId: 'people.transcript.get',
  method: 'get',
  path: '/people/{learnerNumber}/transcript',
  summary: "A person's lifelong transcript (`?format=html` for a printable page)",
  description:
    "For the person, their guardian while they are a minor, and holders of `records.read` in the person's region; " +
    'others, and every caller for an unknown learner number, get the same 403. JSON pages the records (`?limit=&cursor=`); ' +
    '`?format=html` is one printable page with all of them.',
  access: {
    authenticated: "the person, their guardian while they are a minor, or records.read in the person's region",
  },
  request: { params: TranscriptParams, query: TranscriptQuery },
  responses: { 200: { description: 'The transcript (JSON, or text/html with ?format=html)', schema: Transcript } },
});

export const createTranscriptShare = defineContract({
  operationId: 'transcript.shares.create',
  method: 'post',
  path: '/transcript/shares',
  summary: 'Share part of my transcript through an expiring, revocable link',
  description:
    'Shares active records of the chosen stages or with the chosen ids (neither: every active record). The token is shown once.',
  access: { authenticated: 'the signed-in person (their own transcript)' },
  request: { body: CreateShareBody },
  responses: { 201: { description: 'The link', schema: CreatedShare } },
});

export const listTranscriptShares = defineContract({
  operationId: 'transcript.shares.list',
  method: 'get',
  path: '/transcript/shares',
  summary: 'My share links (newest last; tokens are never shown again)',
  description:
    "The signed-in person's share links, revoked and expired ones included, without their tokens. API keys get 403 " +
    '`CREDIT_BANK_PEOPLE_ONLY`.',
  access: { authenticated: 'the signed-in person' },
  responses: { 200: { description: 'The links', schema: ShareList } },
});

export const revokeTranscriptShare = defineContract({
  operationId: 'transcript.shares.revoke',
  method: 'delete',
  path: '/transcript/shares/{shareId}',
  summary: 'Revoke a share link (at once; the link answers 404 from then on)',
  description:
    'Only the person who made the link may revoke it (403 otherwise; an unknown link is a 404). Revoking a revoked ' +
    'link answers 204 and changes nothing.',
  access: { authenticated: 'the person who made the link' },
  request: { params: ShareParams },
  responses: { 204: { description: 'Revoked' } },
});

export const getSharedTranscript = defineContract({
  operationId: 'sharedTranscripts.get',
  method: 'get',
  path: '/shared-transcripts/{token}',
  summary: 'A shared transcript: only what its owner chose, until the link expires or is revoked',
  description:
    'Open to whoever holds the token: the records the owner chose, paged like the transcript (`?format=html` for a ' +
    'printable page). An unknown, expired or revoked link is a 404.',
  access: { public: true },
  secretParams: ['token'],
  request: { params: SharedParams, query: TranscriptQuery },
  responses: { 200: { description: 'The shared part (JSON, or text/html with ?format=html)', schema: Transcript } },
});
