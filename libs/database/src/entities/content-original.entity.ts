import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { ContentEntity } from './content.entity';

/**
 * The unredacted text of a held item, kept apart from the published columns. Only moderators and
 * the author may read it (each read is audit-logged); the retention job deletes it once
 * `purge_after` has passed (set when a moderator decides).
 */
@Entity('content_originals')
export class ContentOriginalEntity {
  @PrimaryColumn({ name: 'content_id', type: 'uuid' })
  contentId!: string;

  @OneToOne(() => ContentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'content_id' })
  content?: ContentEntity;

  @Column({ type: 'text', nullable: true })
  title!: string | null;

  @Column({ type: 'text' })
  body!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'purge_after', type: 'timestamptz', nullable: true })
  purgeAfter!: Date | null;
}
