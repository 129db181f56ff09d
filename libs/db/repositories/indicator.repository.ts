import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { EvidenceEntity } from '../entities/evidence.entity.js';
import { IndicatorEntity, IndicatorValueEntity } from '../entities/indicator.entity.js';
import { Transactions } from '../transaction.js';

@Injectable()
export class IndicatorRepository {
  constructor(private readonly tx: Transactions) {}

  private indicators() {
    return this.tx.manager().getRepository(IndicatorEntity);
  }

  private values() {
    return this.tx.manager().getRepository(IndicatorValueEntity);
  }

  list(departmentCode?: string): Promise<IndicatorEntity[]> {
    return this.indicators().find({ where: departmentCode ? { departmentCode } : {}, order: { ordinal: 'ASC', code: 'ASC' } });
  }

  /** The plan's indicators in the plan's order. */
  ofPlan(planId: string): Promise<IndicatorEntity[]> {
    return this.indicators().find({ where: { planId }, order: { ordinal: 'ASC', code: 'ASC' } });
  }

  findByCode(code: string): Promise<IndicatorEntity | null> {
    return this.indicators().findOneBy({ code });
  }

  /** Reads and row-locks the indicator, serialising reports on it until the transaction ends. */
  findByCodeForUpdate(code: string): Promise<IndicatorEntity | null> {
    return this.indicators().createQueryBuilder('i').setLock('pessimistic_write').where('i.code = :code', { code }).getOne();
  }

  /** The reported values of `codes`, oldest year first. */
  valuesOf(codes: string[]): Promise<IndicatorValueEntity[]> {
    if (codes.length === 0) return Promise.resolve([]);
    return this.values().find({ where: { indicatorCode: In(codes) }, order: { indicatorCode: 'ASC', year: 'ASC' } });
  }

  findValue(indicatorCode: string, year: number): Promise<IndicatorValueEntity | null> {
    return this.values().findOneBy({ indicatorCode, year });
  }

  async saveValue(
    value: Omit<IndicatorValueEntity, 'id' | 'createdAt' | 'updatedAt'> & Partial<Pick<IndicatorValueEntity, 'id'>>,
  ): Promise<IndicatorValueEntity> {
    // Read back: a save that replaces a year's value does not return the columns the database keeps (createdAt).
    const saved = await this.values().save(this.values().create(value));
    return this.values().findOneByOrFail({ id: saved.id });
  }

  /** Ids among `ids` that are not evidence of a task `departmentCode` leads or co-operates on, nor uploaded by it. */
  async foreignEvidenceIds(departmentCode: string, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const found = await this.tx
      .manager()
      .getRepository(EvidenceEntity)
      .createQueryBuilder('e')
      .innerJoin('e.task', 't')
      .select('e.id', 'id')
      .where('e.id IN (:...ids)', { ids })
      .andWhere('(e.department_code = :d OR t.lead_department_code = :d OR t.co_department_codes @> ARRAY[:d]::varchar[])', { d: departmentCode })
      .getRawMany<{ id: string }>();
    const known = new Set(found.map((e) => e.id));
    return ids.filter((id) => !known.has(id));
  }
}
