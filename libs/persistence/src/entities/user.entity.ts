import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { REGULATORS, type Regulator } from '#app/domain';

/**
 * A person. Global (not tenant-owned) because one person can hold memberships in
 * several organisations (agency workers); everything they do is tenant-owned.
 */
@Entity({ name: 'app_user' })
@Check('app_user_email_lower', `"email" = lower("email")`)
@Index('app_user_registration_unique', ['regulator', 'registrationNumber'], {
  unique: true,
  where: '"registration_number" IS NOT NULL',
})
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 320, unique: true })
  email!: string;

  @Column({ type: 'varchar', length: 200 })
  fullName!: string;

  /** argon2id; null for people who only sign in through the organisation's identity provider. */
  @Column({ type: 'text', nullable: true })
  passwordHash!: string | null;

  @Column({ type: 'enum', enum: REGULATORS, enumName: 'regulator', nullable: true })
  regulator!: Regulator | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  registrationNumber!: string | null;

  @Column({ type: 'date', nullable: true })
  dateQualified!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
