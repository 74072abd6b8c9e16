import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ContentEntity, ContentOriginalEntity } from '@asclepia/database';
import { DataSource } from 'typeorm';
import { can, type Actor } from '../access/access-policy';
import { AuditService } from '../audit/audit.service';
import type { QueueTextDto } from './dto/queue-item.dto';

/** The unredacted original of held content, for its author and moderators (DESIGN.md "The content lifecycle"). */
@Injectable()
export class ContentOriginalsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** 404 to anyone else, as if the content did not exist; each read is audit-logged with the read itself. */
  read(actor: Actor, contentId: string): Promise<QueueTextDto> {
    return this.dataSource.transaction(async (m) => {
      const row = await m.findOne(ContentEntity, { where: { id: contentId } });
      // Even for published content, a stranger is told nothing about an original existing.
      if (!row || !can(actor, 'content.read_hidden', row)) throw new NotFoundException('Content not found');
      const original = await m.findOne(ContentOriginalEntity, { where: { contentId } });
      if (!original) throw new NotFoundException('No original is kept for this content');
      await this.audit.record(
        { actorId: actor.id, action: 'content.original_read', targetType: row.kind, targetId: row.id, details: { via: 'content.original', asAuthor: row.authorId === actor.id } },
        m,
      );
      return { title: original.title, body: original.body };
    });
  }
}
