import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A forum category; the set is seeded by a migration and ordered by `position`. */
@Entity('forums')
export class ForumEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_forums_slug', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  slug!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'integer', default: 0 })
  position!: number;
}
