// The `format` parameter of GET statements (1.0.3 2.1.3; 9274.1.1 4.1.6.2): `exact` as stored,
// `ids` with agents, groups, activities and verbs reduced to what identifies them, `canonical`
// with every language map reduced to the one language that best fits `Accept-Language`.

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export type Format = 'exact' | 'ids' | 'canonical';

const IFI_KEYS = ['mbox', 'mbox_sha1sum', 'openid', 'account'];

function idsActor(v: unknown): unknown {
  if (!isObject(v)) return v;
  const out: Json = {};
  if (v.objectType !== undefined) out.objectType = v.objectType;
  for (const k of IFI_KEYS) if (v[k] !== undefined) out[k] = v[k];
  const identified = IFI_KEYS.some((k) => v[k] !== undefined);
  if (!identified && Array.isArray(v.member)) out.member = v.member.map(idsActor);
  return out;
}

function idsActivity(v: unknown): unknown {
  if (!isObject(v)) return v;
  return v.objectType === undefined ? { id: v.id } : { objectType: v.objectType, id: v.id };
}

function idsObject(v: unknown): unknown {
  if (!isObject(v)) return v;
  const type = v.objectType ?? 'Activity';
  if (type === 'Activity') return idsActivity(v);
  if (type === 'Agent' || type === 'Group') return idsActor(v);
  if (type === 'SubStatement') return idsStatement(v);
  return v;
}

function idsContext(v: unknown): unknown {
  if (!isObject(v)) return v;
  const out: Json = { ...v };
  if (v.instructor !== undefined) out.instructor = idsActor(v.instructor);
  if (v.team !== undefined) out.team = idsActor(v.team);
  if (isObject(v.contextActivities)) {
    out.contextActivities = Object.fromEntries(
      Object.entries(v.contextActivities).map(([k, list]) => [
        k,
        Array.isArray(list) ? list.map(idsActivity) : idsActivity(list),
      ]),
    );
  }
  if (Array.isArray(v.contextAgents)) {
    out.contextAgents = v.contextAgents.map((e) => (isObject(e) ? { ...e, agent: idsActor(e.agent) } : e));
  }
  if (Array.isArray(v.contextGroups)) {
    out.contextGroups = v.contextGroups.map((e) => (isObject(e) ? { ...e, group: idsActor(e.group) } : e));
  }
  return out;
}

function idsStatement(s: Json): Json {
  const out: Json = { ...s, actor: idsActor(s.actor), verb: { id: (s.verb as Json).id }, object: idsObject(s.object) };
  if (s.context !== undefined) out.context = idsContext(s.context);
  if (s.authority !== undefined) out.authority = idsActor(s.authority);
  return out;
}

/** Languages from `Accept-Language`, best first (`q` weights; `*` matches anything). */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: (tag ?? '').trim().toLowerCase(), q: q === undefined ? 1 : Number(q), i };
    })
    .filter((l) => l.tag && l.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((l) => l.tag);
}

function pickLanguage(map: Json, languages: string[]): Json {
  const tags = Object.keys(map);
  if (tags.length <= 1) return map;
  for (const wanted of languages) {
    const hit =
      wanted === '*'
        ? tags[0]
        : (tags.find((t) => t.toLowerCase() === wanted) ??
          tags.find((t) => t.toLowerCase().split('-')[0] === wanted.split('-')[0]));
    if (hit) return { [hit]: map[hit] };
  }
  const fallback = tags.find((t) => t.toLowerCase().startsWith('en')) ?? (tags[0] as string);
  return { [fallback]: map[fallback] };
}

const LANGUAGE_MAPS = new Set(['display', 'name', 'description']);

/** Reduces every language map (verb `display`, definition `name`/`description`, components, attachments). */
function canonical(v: unknown, languages: string[], key?: string): unknown {
  if (Array.isArray(v)) return v.map((x) => canonical(x, languages));
  if (!isObject(v)) return v;
  if (key && LANGUAGE_MAPS.has(key) && Object.values(v).every((x) => typeof x === 'string')) {
    return pickLanguage(v, languages);
  }
  return Object.fromEntries(
    Object.entries(v).map(([k, x]) => [k, k === 'extensions' ? x : canonical(x, languages, k)]),
  );
}

/** A stored statement in the requested format. An Agent's `name` is a plain string, never a language map. */
export function formatStatement(s: Json, format: Format, acceptLanguage: string | undefined): Json {
  if (format === 'ids') return idsStatement(s);
  // An agent's `name` is a string, not a map: canonical() reduces only objects of strings.
  if (format === 'canonical') return canonical(s, acceptedLanguages(acceptLanguage)) as Json;
  return s;
}
