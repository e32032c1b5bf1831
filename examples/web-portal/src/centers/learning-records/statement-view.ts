/** A language map (xAPI): language tag → text. */
type LanguageMap = Record<string, string>;

const isMap = (value: unknown): value is LanguageMap =>
  typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string');

/**
 * The text of a language map in the reader's language: the exact tag, then the same language
 * (`zh-CN` for `zh`), then English, then any entry.
 */
export function inLanguage(map: unknown, locale: string): string | undefined {
  if (!isMap(map)) return undefined;
  const entries = Object.entries(map);
  if (entries.length === 0) return undefined;
  const lower = locale.toLowerCase();
  const language = lower.split('-')[0] ?? lower;
  const find = (test: (tag: string) => boolean) => entries.find(([tag]) => test(tag.toLowerCase()))?.[1];
  return (
    find((tag) => tag === lower) ??
    find((tag) => tag.split('-')[0] === language) ??
    find((tag) => tag === 'en-us' || tag === 'en') ??
    find((tag) => tag.startsWith('en')) ??
    entries[0]?.[1]
  );
}

/** The last segment of an IRI, as a readable fallback (`…/verbs/completed` → `completed`). */
const tail = (iri: string) => iri.split(/[/#]/).filter(Boolean).at(-1) ?? iri;

export interface ShownStatement {
  id: string;
  verb: string;
  activity: string;
  when: string;
  score?: number;
  success?: boolean;
  completion?: boolean;
  duration?: string;
}

/** What a statement says, for a person: verb, activity name, when, result. */
export function showStatement(
  id: string,
  stored: string,
  statement: Record<string, unknown>,
  locale: string,
): ShownStatement {
  const verb = (statement.verb ?? {}) as { id?: string; display?: unknown };
  const object = (statement.object ?? {}) as { id?: string; definition?: { name?: unknown } };
  const result = (statement.result ?? {}) as {
    score?: { scaled?: number; raw?: number; max?: number };
    success?: boolean;
    completion?: boolean;
    duration?: string;
  };
  const score =
    typeof result.score?.scaled === 'number'
      ? result.score.scaled
      : typeof result.score?.raw === 'number' && typeof result.score.max === 'number' && result.score.max > 0
        ? result.score.raw / result.score.max
        : undefined;
  return {
    id,
    verb: inLanguage(verb.display, locale) ?? tail(verb.id ?? ''),
    activity: inLanguage(object.definition?.name, locale) ?? tail(object.id ?? ''),
    when: typeof statement.timestamp === 'string' ? statement.timestamp : stored,
    ...(score !== undefined ? { score } : {}),
    ...(typeof result.success === 'boolean' ? { success: result.success } : {}),
    ...(typeof result.completion === 'boolean' ? { completion: result.completion } : {}),
    ...(typeof result.duration === 'string' ? { duration: result.duration } : {}),
  };
}

/** An ISO 8601 duration (`PT1H2M3S`) as `1:02:03`; anything else as it is. */
export function formatDuration(duration: string): string {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(duration);
  if (!match) return duration;
  const hours = Number(match[1] ?? 0) * 24 + Number(match[2] ?? 0);
  const minutes = Number(match[3] ?? 0);
  const seconds = Math.round(Number(match[4] ?? 0));
  const two = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${minutes}:${two(seconds)}`;
}
