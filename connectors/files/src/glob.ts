/**
 * A small glob matcher, so that the connector needs no glob dependency (Node 20's
 * `path.matchesGlob` is experimental). Supported: `*` and `?` within a path segment, `**` across
 * segments, `[abc]` / `[a-z]` / `[!a]` classes and `{a,b}` alternatives. Paths use `/`.
 */

const SPECIAL = /[*?[\]{}]/;

export function hasGlob(path: string): boolean {
  return SPECIAL.test(path);
}

/** The folder before the first segment with a glob character, and the pattern after it. */
export function splitGlob(path: string): { root: string; pattern: string } {
  const segments = path.split('/');
  const first = segments.findIndex((segment) => hasGlob(segment));
  const rootSegments = segments.slice(0, first);
  const root = rootSegments.join('/') || (path.startsWith('/') ? '/' : '.');
  return { root, pattern: segments.slice(first).join('/') };
}

/** A regular expression matching the relative paths the pattern selects. */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  let depth = 0; // inside {a,b}
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '*' && pattern[i + 1] === '*') {
      // `**/` matches zero or more whole folders; a trailing `**` matches everything below.
      const slash = pattern[i + 2] === '/';
      source += slash ? '(?:[^/]+/)*' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close === -1) source += '\\[';
      else {
        const body = pattern.slice(i + 1, close).replace(/\\/g, '\\\\');
        source += `[${body.startsWith('!') ? `^${body.slice(1)}` : body}]`;
        i = close;
      }
    } else if (c === '{') {
      depth++;
      source += '(?:';
    } else if (c === '}' && depth > 0) {
      depth--;
      source += ')';
    } else if (c === ',' && depth > 0) source += '|';
    else source += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
