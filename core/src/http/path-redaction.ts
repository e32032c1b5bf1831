import type { RouteGroup } from './route.js';

export const REDACTED_SEGMENT = '[redacted]';

interface SecretPath {
  /** Each segment of the route's template: a literal, or null where a parameter goes. */
  segments: (string | null)[];
  /** Indexes of the segments that hold a secret parameter. */
  secret: number[];
}

const PARAM = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

function compile(template: string, secretParams: readonly string[]): SecretPath {
  const parts = template.split('/');
  const secret: number[] = [];
  const segments = parts.map((part, i) => {
    const names = [...part.matchAll(PARAM)].map((m) => m[1] as string);
    if (names.length === 0) return part;
    if (names.some((name) => secretParams.includes(name))) secret.push(i);
    return null;
  });
  return { segments, secret };
}

/**
 * How a request's path is written to the log: the segments that routes declare as secret
 * (`secretParams`, e.g. a share link's token) read `[redacted]`. A path is matched by the route's
 * leading segments only, so the token is also hidden when the request itself went wrong (another
 * method, extra segments: a 405 or a 404).
 */
export function pathRedactor(groups: readonly RouteGroup[]): (path: string) => string {
  const secretPaths = groups.flatMap((group) =>
    group.routes
      .filter((route) => route.secretParams && route.secretParams.length > 0)
      .map((route) => compile(`${group.prefix}${route.path}`, route.secretParams ?? [])),
  );
  if (secretPaths.length === 0) return (path) => path;
  return function redactPath(path) {
    const parts = path.split('/');
    for (const { segments, secret } of secretPaths) {
      if (parts.length < segments.length) continue;
      if (!segments.every((literal, i) => literal === null || literal === parts[i])) continue;
      for (const i of secret) parts[i] = REDACTED_SEGMENT;
      return parts.join('/');
    }
    return path;
  };
}
