import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ContentEntity } from './content.entity';
import { UserEntity } from './user.entity';

/** One vote per user per answer: the primary key says so. */
@Entity('answer_votes')
export class AnswerVoteEntity {
  @PrimaryColumn({ name: 'answer_id', type: 'uuid' })
  answerId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => ContentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'answer_id' })
  answer?: ContentEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  /** +1 or -1. */
  @Column({ type: 'smallint' })
  value!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
