import type { PluginRequest } from '@lifelong/sdk';
import type { Static } from '@sinclair/typebox';
import type { CreatedShare, CreateShareBody, Transcript, TranscriptShare } from './schemas.js';

const at = (id: string) => encodeURIComponent(id);

/** SDK methods of the transcript and its share links (see ../client.ts). */
export const transcriptApi = (request: PluginRequest) => ({
  transcript: (learnerNumber: string) => request<Transcript>('GET', `/people/${at(learnerNumber)}/transcript`),
  shareTranscript: (body: CreateShareBody) =>
    request<Static<typeof CreatedShare>>('POST', '/transcript/shares', { body }),
  transcriptShares: () => request<{ items: Static<typeof TranscriptShare>[] }>('GET', '/transcript/shares'),
  revokeTranscriptShare: (shareId: string) => request<void>('DELETE', `/transcript/shares/${at(shareId)}`),
  sharedTranscript: (token: string) => request<Transcript>('GET', `/shared-transcripts/${at(token)}`),
});
