import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { AuditService } from '../audit/audit.service.js';
import { NotFoundError } from '../common/errors.js';
import { type Actor, DEPARTMENT_ROLES } from '../common/roles.js';
import { AppConfig } from '../config/app-config.js';
import { CalendarFeedRepository, type FeedOwner } from '../db/repositories/calendar-feed.repository.js';
import { DepartmentRepository } from '../db/repositories/department.repository.js';
import { Transactions } from '../db/transaction.js';
import { ReportSlotService, type SlotFact } from '../tasks/report-slot.service.js';
import { type FeedReport, renderFeed } from './ical-feed.js';
import { FEED_MESSAGES } from './calendar-feed.messages.js';

/** 32 random bytes, base64url: 43 characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Private iCalendar feeds of users' deadlines. The feed URL carries a random
 * token, shown once when it is made; only its SHA-256 is stored, and finding a
 * feed is an index lookup of that hash, so neither the database nor response
 * times reveal a token. A new token revokes the previous one; both changes are audited.
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    private readonly feeds: CalendarFeedRepository,
    private readonly departments: DepartmentRepository,
    private readonly audit: AuditService,
    private readonly tx: Transactions,
    private readonly config: AppConfig,
    private readonly slots: ReportSlotService,
  ) {}

  /** A new feed URL for the caller; the previous one stops working. */
  async create(actor: Actor): Promise<{ url: string; createdAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const feed = await this.tx.run(async () => {
      await this.feeds.lockUser(actor.id);
      const revokedId = await this.feeds.revokeActive(actor.id);
      if (revokedId) await this.recordRevoke(actor, revokedId, 'replaced');
      const feed = await this.feeds.insert(actor.id, hashToken(token));
      await this.audit.record({
        actorId: actor.id,
        action: 'calendar-feed.create',
        entityType: 'calendar_feed',
        entityId: feed.id,
        after: { userId: actor.id, createdAt: feed.createdAt },
        detail: { replaced: revokedId },
      });
      return feed;
    });
    return { url: `${this.publicUrl()}/api/v1/feeds/${token}.ics`, createdAt: feed.createdAt };
  }

  async status(actor: Actor): Promise<{ active: boolean; createdAt: Date | null }> {
    const feed = await this.feeds.findActive(actor.id);
    return { active: feed !== null, createdAt: feed?.createdAt ?? null };
  }

  /** Revokes the caller's feed; nothing happens (and nothing is audited) when there is none. */
  async revoke(actor: Actor): Promise<void> {
    await this.tx.run(async () => {
      await this.feeds.lockUser(actor.id);
      const revokedId = await this.feeds.revokeActive(actor.id);
      if (revokedId) await this.recordRevoke(actor, revokedId, 'revoked');
    });
  }

  /** The feed of `token` (one plan's tasks with `planId`) as iCalendar text; NotFoundError for any token that is not an active feed's. */
  async render(token: string, planId: string | null = null): Promise<string> {
    const owner = TOKEN_PATTERN.test(token) ? await this.feeds.findOwner(hashToken(token)) : null;
    if (!owner) throw new NotFoundError(FEED_MESSAGES.notFound);
    const department = feedDepartment(owner);
    const [tasks, departments, slots] = await Promise.all([
      this.feeds.openTasks(department, planId),
      this.departments.list(),
      this.slots.facts({ department }),
    ]);
    return renderFeed({
      reports: nextReports(slots.filter((slot) => planId === null || slot.planId === planId)),
      calendarName: FEED_MESSAGES.calendarName(owner.name),
      timeZone: this.config.TZ,
      taskUrl: `${this.publicUrl()}/tasks`,
      tasks,
      departmentNames: new Map(departments.map((d) => [d.code, d.name])),
      now: new Date(),
    });
  }

  private recordRevoke(actor: Actor, feedId: string, reason: 'replaced' | 'revoked') {
    return this.audit.record({
      actorId: actor.id,
      action: 'calendar-feed.revoke',
      entityType: 'calendar_feed',
      entityId: feedId,
      before: { active: true },
      after: { active: false },
      detail: { reason },
    });
  }

  private publicUrl(): string {
    return this.config.PUBLIC_URL.replace(/\/$/, '');
  }
}

/**
 * The next report each department owes on each open task with a cycle (定期报送): its first period neither filed nor past
 * its deadline. `facts` holds the periods the feed's department owes (a co-department's own included), or every department's.
 */
export function nextReports(slots: readonly SlotFact[]): FeedReport[] {
  const next = new Map<string, SlotFact>();
  for (const slot of slots) {
    if (!slot.open || slot.status !== 'open') continue;
    const key = `${slot.taskId}|${slot.departmentCode}`;
    const found = next.get(key);
    if (!found || slot.dueDate < found.dueDate) next.set(key, slot);
  }
  return [...next.values()].map((slot) => ({
    taskId: slot.taskId,
    taskTitle: slot.taskTitle,
    departmentCode: slot.departmentCode,
    period: slot.period,
    dueDate: slot.dueDate,
  }));
}

/**
 * Whose deadlines a feed lists, by the owner's role now (not when the feed was
 * made): a liaison or leader, the open tasks its department leads or
 * co-operates on (a leader acts on none itself but answers for them and gets
 * their escalations); supervisors, reviewers and admins, every open task (what
 * they can see; supervisors act on all of them).
 */
export function feedDepartment(owner: Pick<FeedOwner, 'role' | 'departmentCode'>): string | null {
  return DEPARTMENT_ROLES.includes(owner.role) ? (owner.departmentCode ?? '') : null;
}
