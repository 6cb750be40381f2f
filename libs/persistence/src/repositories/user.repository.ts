import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { UserEntity } from '../entities/user.entity.js';

/** People are global; callers reach them only through a membership of their own organisation. */
@Injectable()
export class UserRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(UserEntity);
  }

  findByEmail(email: string, manager?: EntityManager): Promise<UserEntity | null> {
    return this.repo(manager).findOneBy({ email: email.toLowerCase() });
  }

  /** Whether any account holds this registration (the unique index's question, asked first). */
  async registrationHeld(
    regulator: string,
    registrationNumber: string,
    manager?: EntityManager,
  ): Promise<boolean> {
    return this.repo(manager).exists({
      where: { regulator: regulator as UserEntity['regulator'] & string, registrationNumber },
    });
  }

  findById(id: string, manager?: EntityManager): Promise<UserEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  /** Only people who are members of the organisation. */
  findByIdsInOrganisation(organisationId: string, ids: readonly string[]): Promise<UserEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.repo()
      .createQueryBuilder('u')
      .innerJoin('membership', 'm', 'm.user_id = u.id AND m.organisation_id = :organisationId', {
        organisationId,
      })
      .where('u.id IN (:...ids)', { ids: [...ids] })
      .getMany();
  }

  insert(
    user: Pick<
      UserEntity,
      'email' | 'fullName' | 'passwordHash' | 'regulator' | 'registrationNumber' | 'dateQualified'
    >,
    manager?: EntityManager,
  ) {
    return this.repo(manager).save(this.repo(manager).create({ ...user, email: user.email.toLowerCase() }));
  }
}
