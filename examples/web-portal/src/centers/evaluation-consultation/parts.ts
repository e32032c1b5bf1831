import evaluationConsultation from '@lifelong/plugin-evaluation-consultation/client';
import { LifelongError, type Me } from '@lifelong/sdk';
import { centerApi } from '../../api.js';

/** The center's client calls (`evaluationConsultation.<operationId>`). */
export const ec = () => centerApi(evaluationConsultation).evaluationConsultation;

/** An engagement as the pages show it. */
export type Engagement = Awaited<ReturnType<ReturnType<typeof ec>['engagements']['get']>>;

/** Whether the person coordinates engagements (a region admin: `engagements.manage` in the region). */
export const coordinates = (me: Me | undefined): boolean =>
  me?.roles.some((grant) => grant.role === 'region-admin') ?? false;

/** The caller's part in an engagement, as its contracts' `access` names them. */
export interface Part {
  /** The team lead or the region's coordinator: advances, releases, assigns experts. */
  lead: boolean;
  /** The team (lead, members, coordinator): grades, findings, drafts, responses. */
  team: boolean;
  /** A contact of the school: self-evaluation, factual-accuracy comments. */
  school: boolean;
  /** An assigned expert: evidence, reads findings and reports. */
  expert: boolean;
}

export function partIn(engagement: Engagement, me: Me | undefined): Part {
  const roles = new Set<string>(engagement.myRoles);
  const admin = coordinates(me);
  return {
    lead: admin || roles.has('lead'),
    team: admin || roles.has('lead') || roles.has('member'),
    school: roles.has('schoolContact'),
    expert: roles.has('expert'),
  };
}

/** The milestones a 409 `…_MILESTONES_MISSING` names (its `missing` extension). */
export function missingMilestones(caught: unknown): string[] {
  if (!(caught instanceof LifelongError)) return [];
  const missing = (caught.problem as { missing?: { name?: string }[] }).missing;
  return Array.isArray(missing) ? missing.map((m) => m.name ?? '').filter(Boolean) : [];
}

/** Whether a call was answered 404 (e.g. no report released to the school yet). */
export const notFound = (caught: unknown): boolean => caught instanceof LifelongError && caught.status === 404;

/** Offers a downloaded Response as a file. */
export async function saveResponse(response: Response, filename: string): Promise<void> {
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A report version's frozen content (`report.get`'s `content`), read defensively. */
export interface ReportContent {
  title: string;
  status: 'draft' | 'final';
  version: number;
  school: { id: string; name: string };
  template: { key: string; version: number; name: string };
  scale: { min: number; max: number };
  indicators: {
    code: string;
    name: string;
    self: { grade: number; label: string | null } | null;
    team: { grade: number; label: string | null; rationale: string; evidence: string[] } | null;
  }[];
  findings: { kind: string; indicatorCode: string | null; text: string; solutions: string[] }[];
  factualAccuracy: { section: string; comment: string; response: string | null; accepted: boolean | null }[];
  generatedAt: string;
}
