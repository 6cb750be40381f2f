// SQL the repositories that read evidence versions share. Fragments are text with the caller's own
// placeholders: a value is never spliced in, only column lists, table expressions and placeholders.

/**
 * The newest version of each piece of evidence among the rows of `from` that `where` keeps: one row
 * per `evidence_id`, the highest `version_no`. `alias` is the alias of evidence_version in `from`.
 */
export function newestVersionPerEvidence(query: {
  columns: string;
  from: string;
  where: string;
  alias?: string;
}): string {
  const a = query.alias ? `${query.alias}.` : '';
  return `SELECT DISTINCT ON (${a}evidence_id) ${query.columns}
           FROM ${query.from}
          WHERE ${query.where}
          ORDER BY ${a}evidence_id, ${a}version_no DESC`;
}

/**
 * The versions a reviewer who sees only what was submitted to them may read: those submitted to
 * `reviewer` (a placeholder holding their id), never a draft.
 */
export function visibleToReviewer(reviewer: string, alias = 'v'): string {
  return `${alias}.reviewer_user_id = ${reviewer} AND ${alias}.status <> 'DRAFT'`;
}
