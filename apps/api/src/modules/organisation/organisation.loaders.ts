import DataLoader from 'dataloader';
import type { OrganisationEntity, TeamEntity, UserEntity } from '#app/persistence';
import { OrganisationRepository, TeamRepository, UserRepository } from '#app/persistence';
import { oneByKey } from '../../graphql/group-by-key.js';

/**
 * Per-request loaders. They read the caller's organisation when the batch runs
 * (after the guard), so a user or team of another organisation loads as null.
 */
export function createOrganisationLoaders(
  organisationOf: () => string,
  repos: { users: UserRepository; teams: TeamRepository; organisations: OrganisationRepository },
) {
  return {
    user: new DataLoader<string, UserEntity | null>(async (ids) =>
      oneByKey(ids, await repos.users.findByIdsInOrganisation(organisationOf(), ids), (u) => u.id),
    ),
    team: new DataLoader<string, TeamEntity | null>(async (ids) =>
      oneByKey(ids, await repos.teams.findByIds(organisationOf(), ids), (t) => t.id),
    ),
    organisation: new DataLoader<string, OrganisationEntity | null>(async (ids) =>
      oneByKey(ids, await repos.organisations.findByIds(ids), (o) => o.id),
    ),
  };
}
