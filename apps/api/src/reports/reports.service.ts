import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ContentEntity, isUniqueViolation, ReportEntity } from '@asclepia/database';
import { DataSource, EntityManager } from 'typeorm';
import { assertCan, type Actor } from '../access/access-policy';
import { AppConfig } from '../config/app-config';
import { ContentService } from '../content/content.service';
import { ReportMapper, type CreateReportDto, type ReportDto } from './dto/report.dto';
import { reportOutcome } from './report-threshold';

/** What the author is told when readers' reports hold their content; never who reported or why. */
const HELD_BY_REPORTS = { kind: 'report', rule: 'report.threshold', message: 'Several readers reported this; a moderator will review it' };

@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly content: ContentService,
    private readonly config: AppConfig,
  ) {}

  /**
   * The content row is locked for the whole transaction, so concurrent reports on one item are
   * counted one after another and exactly one of them crosses the threshold.
   */
  async report(actor: Actor, dto: CreateReportDto): Promise<ReportDto> {
    assertCan(actor, 'report.create');
    try {
      let held = false;
      const report = await this.dataSource.transaction(async (m) => {
        const target = await m.findOne(ContentEntity, { where: { id: dto.targetId }, lock: { mode: 'pessimistic_write' } });
        if (!target || target.kind !== dto.targetType || !(await this.readable(m, target))) throw new NotFoundException('Content not found');
        if (target.authorId === actor.id) throw new ForbiddenException('You cannot report your own content');
        if (await m.existsBy(ReportEntity, { contentId: target.id, reporterId: actor.id })) throw new ConflictException('You already reported this');

        const report = await m.save(m.create(ReportEntity, { contentId: target.id, reporterId: actor.id, reason: dto.reason }));
        const reporters = await m.countBy(ReportEntity, { contentId: target.id });
        const outcome = reportOutcome(reporters, this.config.REPORT_HOLD_THRESHOLD);
        if (outcome.hold) {
          target.status = 'held';
          target.moderation = { action: 'hold', reasons: [...target.moderation.reasons, HELD_BY_REPORTS] };
          await m.save(target);
          held = true;
        }
        await this.content.enqueue(m, target.id, {
          source: 'report',
          priority: outcome.priority,
          reasons: [{ kind: 'report', rule: 'report.user', message: dto.reason }],
        });
        return ReportMapper.toDto(report, dto.targetType);
      });
      // after commit: a held chat message leaves the screens it was on
      if (held) this.content.announce({ id: dto.targetId, kind: dto.targetType, from: 'published', to: 'held', edited: false });
      return report;
    } catch (error) {
      // Two requests of one user racing past the existence check: the unique index decides.
      if (isUniqueViolation(error)) throw new ConflictException('You already reported this');
      throw error;
    }
  }

  /** What readers can see, and so report: published, under a published question or thread. */
  private async readable(m: EntityManager, target: ContentEntity): Promise<boolean> {
    if (target.status !== 'published') return false;
    if (target.parentId === null) return true;
    return m.existsBy(ContentEntity, { id: target.parentId, status: 'published' });
  }
}
