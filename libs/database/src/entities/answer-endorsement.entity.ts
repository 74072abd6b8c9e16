import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ContentEntity } from './content.entity';
import { UserEntity } from './user.entity';

/** A verified physician's "I agree" with a peer's answer; one per physician per answer. */
@Entity('answer_endorsements')
export class AnswerEndorsementEntity {
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
