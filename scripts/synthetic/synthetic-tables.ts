import type pg from 'pg';
import { RowBuffer } from './insert-rows.js';

const col = (spec: string) =>
  spec.split(',').map((s) => {
    const [name, type] = s.trim().split(' ') as [string, string];
    return { name, type };
  });

export function createBuffers() {
  return {
    organisation: new RowBuffer(
      'organisation',
      col('id uuid, name text, slug text, is_demo bool, created_at timestamptz'),
    ),
    team: new RowBuffer('team', col('organisation_id uuid, id uuid, name text, created_at timestamptz')),
    app_user: new RowBuffer(
      'app_user',
      col(
        'id uuid, email text, full_name text, password_hash text, regulator regulator, registration_number text, date_qualified date, created_at timestamptz, updated_at timestamptz',
      ),
    ),
    membership: new RowBuffer(
      'membership',
      col(
        'organisation_id uuid, id uuid, user_id uuid, roles role[], team_id uuid, active bool, created_at timestamptz',
      ),
    ),
    pathway: new RowBuffer(
      'pathway',
      col(
        'organisation_id uuid, id uuid, name text, description text, created_by_user_id uuid, created_at timestamptz',
      ),
    ),
    pathway_version: new RowBuffer(
      'pathway_version',
      col(
        'organisation_id uuid, id uuid, pathway_id uuid, version_no int, status pathway_version_status, design jsonb, revision int, created_by_user_id uuid, published_by_user_id uuid, published_at timestamptz, created_at timestamptz, updated_at timestamptz',
      ),
    ),
    assessor_relationship: new RowBuffer(
      'assessor_relationship',
      col(
        'organisation_id uuid, id uuid, assessor_user_id uuid, practitioner_user_id uuid, capacity assessor_capacity, starts_on date, created_by_user_id uuid, created_at timestamptz',
      ),
    ),
    practitioner_stage: new RowBuffer(
      'practitioner_stage',
      col(
        'organisation_id uuid, id uuid, user_id uuid, pathway_id uuid, stage_key text, from_date date, to_date date, how_decided stage_decision, recorded_by_user_id uuid, created_at timestamptz',
      ),
    ),
    qualification: new RowBuffer(
      'qualification',
      col(
        'organisation_id uuid, id uuid, user_id uuid, type qualification_type, title text, awarded_on date, expires_on date, credits int, verified_by_user_id uuid, verified_at timestamptz, recorded_by_user_id uuid, created_at timestamptz',
      ),
    ),
    evidence: new RowBuffer(
      'evidence',
      col('organisation_id uuid, id uuid, owner_user_id uuid, created_at timestamptz'),
    ),
    evidence_version: new RowBuffer(
      'evidence_version',
      col(
        'organisation_id uuid, id uuid, evidence_id uuid, owner_user_id uuid, version_no int, revision int, status evidence_status, kind evidence_kind, cpd_activity_type cpd_activity_type, title text, date_from date, date_to date, hours numeric, description text, learning text, impact text, peer_reflection text, peer_role text, peer_discussed_on date, reviewer_user_id uuid, assessment_context assessment_context, submitted_at timestamptz, created_by_user_id uuid, created_at timestamptz, updated_at timestamptz',
      ),
    ),
    evidence_mapping: new RowBuffer(
      'evidence_mapping',
      col(
        'organisation_id uuid, id uuid, evidence_version_id uuid, position int2, framework_item_id uuid, framework_level_id uuid, framework_level_pathway_id uuid, rationale text, decision mapping_decision, accepted_level_id uuid, accepted_pathway_id uuid, decision_comment text',
      ),
    ),
    evidence_review: new RowBuffer(
      'evidence_review',
      col(
        'organisation_id uuid, id uuid, evidence_version_id uuid, reviewer_user_id uuid, practitioner_user_id uuid, outcome review_outcome, comment text, assessment_context assessment_context, capacity assessor_capacity, decided_on date, decided_at timestamptz, standing jsonb',
      ),
    ),
    supervision: new RowBuffer(
      'supervision',
      col(
        'organisation_id uuid, id uuid, supervisor_user_id uuid, supervisee_user_id uuid, held_on date, minutes int, kind supervision_kind, notes text, recorded_by_user_id uuid, created_at timestamptz',
      ),
    ),
  };
}
export type Buffers = ReturnType<typeof createBuffers>;

/** Foreign keys decide the order: a row's parents are always flushed before it. */
export async function flushAll(client: pg.ClientBase, buffers: Buffers): Promise<void> {
  for (const buffer of Object.values(buffers)) if (buffer.pending) await buffer.flush(client);
}
