import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A reference framework (PCF, SWE professional standards, KSS…): shared by every organisation. */
@Entity({ name: 'framework' })
export class FrameworkEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 60, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 100 })
  owner!: string;

  @Column({ type: 'text' })
  description!: string;
}
