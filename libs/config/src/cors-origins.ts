/**
 * Parses CORS_ORIGINS' entries: exact origins (`https://app.example.org`, `http://localhost:5173`:
 * scheme, host and port as a browser sends them in Origin, no path or trailing slash), or `*` alone.
 * Throws on the first entry that is neither, naming it.
 */
export function parseCorsOrigins(entries: string[]): string[] {
  if (entries.includes('*')) {
    if (entries.length > 1) throw new Error('"*" allows every origin and cannot be listed with others');
    return ['*'];
  }
  return entries.map((entry) => {
    let origin: string | null = null;
    try {
      const url = new URL(entry);
      if (url.protocol === 'https:' || url.protocol === 'http:') origin = url.origin;
    } catch {
      // Not a URL at all: refused below.
    }
    // Compared as written with the browser's Origin header, so it must already be in that form.
    if (origin !== entry) {
      throw new Error(
        `"${entry}" is not an origin such as https://app.example.org (http or https, lower case, no path or trailing slash)`,
      );
    }
    return origin;
  });
}
