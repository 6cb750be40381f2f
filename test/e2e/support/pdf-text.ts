import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of each page of a PDF, as a reader would extract it (lines joined by spaces). */
export async function pdfPages(bytes: Buffer): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false })
    .promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join(' ')
        .replace(/\s+/g, ' '),
    );
  }
  await pdf.destroy();
  return pages;
}

/** Each run of text with the page it is on and the size it is drawn at. */
export async function pdfTextRuns(bytes: Buffer): Promise<{ page: number; str: string; size: number }[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false })
    .promise;
  const runs: { page: number; str: string; size: number }[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    for (const item of content.items)
      if ('str' in item && item.str.trim() !== '')
        runs.push({
          page: n,
          str: item.str,
          size: Math.round(Math.hypot(item.transform[2], item.transform[3])),
        });
  }
  await pdf.destroy();
  return runs;
}

/** What assistive technology reads from a PDF: the marks, title, language and the tags used. */
export async function pdfTagging(bytes: Buffer) {
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false })
    .promise;
  const markInfo = await pdf.getMarkInfo();
  const { info } = (await pdf.getMetadata()) as unknown as { info: Record<string, unknown> };
  const preferences = (await pdf.getViewerPreferences()) as Record<string, unknown> | null;
  const roles = new Set<string>();
  const walk = (node: unknown) => {
    if (node && typeof node === 'object' && 'role' in node) {
      roles.add((node as { role: string }).role);
      for (const child of (node as { children?: unknown[] }).children ?? []) walk(child);
    }
  };
  for (let n = 1; n <= pdf.numPages; n++) walk(await (await pdf.getPage(n)).getStructTree());
  await pdf.destroy();
  return {
    marked: markInfo?.Marked === true,
    title: info.Title,
    language: info.Language,
    displayDocTitle: preferences?.DisplayDocTitle,
    roles,
  };
}
