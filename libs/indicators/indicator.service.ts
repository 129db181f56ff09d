import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../common/errors.js';
import type { Actor } from '../common/roles.js';
import type { IndicatorEntity, IndicatorValueEntity } from '../db/entities/indicator.entity.js';
import { IndicatorRepository } from '../db/repositories/indicator.repository.js';
import { Transactions } from '../db/transaction.js';
import { standing } from './indicator-trend.js';
import { INDICATOR_MESSAGES } from './indicators.messages.js';

export interface IndicatorReport {
  year: number;
  value: number;
  note?: string;
  evidenceIds?: string[];
}

/** The plan's targets with where each stands, and the yearly values departments report against them. */
@Injectable()
export class IndicatorService {
  constructor(
    private readonly indicators: IndicatorRepository,
    private readonly audit: AuditService,
    private readonly tx: Transactions,
  ) {}

  async list(department?: string) {
    const items = await this.indicators.list(department);
    const values = await this.indicators.valuesOf(items.map((i) => i.code));
    return items.map((i) =>
      view(
        i,
        values.filter((v) => v.indicatorCode === i.code),
      ),
    );
  }

  /** One indicator with every reported value. */
  async get(code: string) {
    const indicator = await this.indicators.findByCode(code);
    if (!indicator) throw new NotFoundError(INDICATOR_MESSAGES.notFound(code));
    const values = await this.indicators.valuesOf([code]);
    return { ...view(indicator, values), values: values.map(valueView) };
  }

  /** Records the year's value; a second report for the same year replaces the first, and both are in the audit log. */
  async report(actor: Actor, code: string, input: IndicatorReport): Promise<IndicatorValueView> {
    return this.tx.run(async () => {
      const indicator = await this.indicators.findByCodeForUpdate(code);
      if (!indicator) throw new NotFoundError(INDICATOR_MESSAGES.notFound(code));
      if (actor.departmentCode !== indicator.departmentCode) {
        throw new ForbiddenError(INDICATOR_MESSAGES.otherDepartment(code, indicator.departmentCode));
      }
      const evidenceIds = [...new Set(input.evidenceIds ?? [])];
      const foreign = await this.indicators.foreignEvidenceIds(indicator.departmentCode, evidenceIds);
      if (foreign.length > 0) throw new InvalidInputError(INDICATOR_MESSAGES.foreignEvidence(foreign));
      const previous = await this.indicators.findValue(code, input.year);
      const saved = await this.indicators.saveValue({
        id: previous?.id,
        indicatorCode: code,
        year: input.year,
        value: input.value,
        note: input.note ?? null,
        evidenceIds,
        reportedBy: actor.id,
      });
      await this.audit.record({
        actorId: actor.id,
        action: 'indicator.report',
        entityType: 'indicator',
        entityId: code,
        before: previous ? reported(previous) : null,
        after: reported(saved),
        detail: { year: input.year },
      });
      return valueView(saved);
    });
  }
}

function reported(v: IndicatorValueEntity) {
  return { year: v.year, value: v.value, note: v.note, evidenceIds: v.evidenceIds, reportedBy: v.reportedBy };
}

/** A reported value as the API shows it. */
export function valueView(v: IndicatorValueEntity) {
  return {
    id: v.id,
    indicatorCode: v.indicatorCode,
    year: v.year,
    value: v.value,
    note: v.note,
    evidenceIds: v.evidenceIds,
    reportedBy: v.reportedBy,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
  };
}
export type IndicatorValueView = ReturnType<typeof valueView>;

/** An indicator as the API shows it: its fields written out (the seed's ordering stays inside), with its standing. */
function view(indicator: IndicatorEntity, values: IndicatorValueEntity[]) {
  return {
    code: indicator.code,
    planId: indicator.planId,
    name: indicator.name,
    unit: indicator.unit,
    comparator: indicator.comparator,
    target: indicator.target,
    targetYear: indicator.targetYear,
    baseline: indicator.baseline,
    baselineYear: indicator.baselineYear,
    departmentCode: indicator.departmentCode,
    clauseRef: indicator.clauseRef,
    sourceText: indicator.sourceText,
    baselineClauseRef: indicator.baselineClauseRef,
    baselineSourceText: indicator.baselineSourceText,
    derived: indicator.derived,
    note: indicator.note,
    ...standing(
      indicator,
      values.map((v) => ({ year: v.year, value: v.value })),
    ),
  };
}
