import type { EvidenceVersionEntity } from '#app/persistence';
import type { EvidenceVersion } from './models/evidence.model.js';

/** The GraphQL shape of a stored version (hours are numeric in SQL, a number in the API). */
export function toEvidenceVersion(entity: EvidenceVersionEntity): EvidenceVersion {
  return {
    ...entity,
    hours: entity.hours === null ? null : Number(entity.hours),
    peerReflection:
      entity.peerReflection === null
        ? null
        : { text: entity.peerReflection, peerRole: entity.peerRole, discussedOn: entity.peerDiscussedOn },
  };
}
