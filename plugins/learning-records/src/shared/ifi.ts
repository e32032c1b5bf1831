// What a statement is filtered by: its agents' inverse functional identifiers and its
// activities' ids, computed once when it is stored (the query parameters match on them).

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An Agent's or identified Group's identifier as one string (`mbox:mailto:…`, `account:home|name`), or null. */
export function ifiOf(v: unknown): string | null {
  if (!isObject(v)) return null;
  if (typeof v.mbox === 'string') return `mbox:${v.mbox.toLowerCase()}`;
  if (typeof v.mbox_sha1sum === 'string') return `sha1:${v.mbox_sha1sum.toLowerCase()}`;
  if (typeof v.openid === 'string') return `openid:${v.openid}`;
  if (isObject(v.account)) return `account:${String(v.account.homePage)}|${String(v.account.name)}`;
  return null;
}

/** An actor and, for a group, its members. */
function actorIfis(v: unknown): string[] {
  if (!isObject(v)) return [];
  const own = ifiOf(v);
  const members = Array.isArray(v.member) ? v.member.map(ifiOf) : [];
  return [own, ...members].filter((x): x is string => x !== null);
}

const activityIds = (list: unknown): string[] =>
  (Array.isArray(list) ? list : [list]).flatMap((a) => (isObject(a) && typeof a.id === 'string' ? [a.id] : []));

function contextKeys(context: unknown): { agents: string[]; activities: string[] } {
  if (!isObject(context)) return { agents: [], activities: [] };
  const agents = [...actorIfis(context.instructor), ...actorIfis(context.team)];
  for (const entry of Array.isArray(context.contextAgents) ? context.contextAgents : []) {
    agents.push(...actorIfis(isObject(entry) ? entry.agent : undefined));
  }
  for (const entry of Array.isArray(context.contextGroups) ? context.contextGroups : []) {
    agents.push(...actorIfis(isObject(entry) ? entry.group : undefined));
  }
  const ca = isObject(context.contextActivities) ? context.contextActivities : {};
  const activities = ['parent', 'grouping', 'category', 'other'].flatMap((k) => activityIds(ca[k]));
  return { agents, activities };
}

export interface StatementKeys {
  verbId: string;
  agentIfis: string[];
  relatedAgentIfis: string[];
  activityId: string | null;
  relatedActivityIds: string[];
  registration: string | null;
  voidsId: string | null;
}

const unique = (list: string[]) => [...new Set(list)];

/** The filter keys of a valid statement (grammar already checked). */
export function statementKeys(s: Json): StatementKeys {
  const object = s.object as Json;
  const type = object.objectType ?? 'Activity';
  const agents = actorIfis(s.actor);
  if (type === 'Agent' || type === 'Group') agents.push(...actorIfis(object));
  const related = [...agents, ...actorIfis(s.authority)];
  const context = contextKeys(s.context);
  related.push(...context.agents);
  const activities = type === 'Activity' ? [object.id as string] : [];
  activities.push(...context.activities);
  if (type === 'SubStatement') {
    related.push(...actorIfis(object.actor), ...contextKeys(object.context).agents);
    const inner = object.object as Json;
    const innerType = inner?.objectType ?? 'Activity';
    if (innerType === 'Agent' || innerType === 'Group') related.push(...actorIfis(inner));
    if (innerType === 'Activity') activities.push(inner.id as string);
    activities.push(...contextKeys(object.context).activities);
  }
  const verbId = (s.verb as Json).id as string;
  const registration =
    isObject(s.context) && typeof s.context.registration === 'string' ? s.context.registration : null;
  return {
    verbId,
    agentIfis: unique(agents),
    relatedAgentIfis: unique(related),
    activityId: type === 'Activity' ? (object.id as string) : null,
    relatedActivityIds: unique(activities),
    registration: registration?.toLowerCase() ?? null,
    voidsId: verbId === 'http://adlnet.gov/expapi/verbs/voided' ? (object.id as string).toLowerCase() : null,
  };
}
