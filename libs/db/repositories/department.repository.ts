import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { DepartmentEntity } from '../entities/department.entity.js';
import { DutyEntity } from '../entities/duty.entity.js';
import { Transactions } from '../transaction.js';

@Injectable()
export class DepartmentRepository {
  constructor(private readonly tx: Transactions) {}

  list(): Promise<DepartmentEntity[]> {
    return this.tx
      .manager()
      .getRepository(DepartmentEntity)
      .find({ order: { ordinal: 'ASC', code: 'ASC' } });
  }

  duties(): Promise<DutyEntity[]> {
    return this.tx
      .manager()
      .getRepository(DutyEntity)
      .find({ order: { departmentCode: 'ASC', ordinal: 'ASC' } });
  }

  /** The codes among `codes` that name no department. */
  async unknownCodes(codes: string[]): Promise<string[]> {
    if (codes.length === 0) return [];
    const found = await this.tx
      .manager()
      .getRepository(DepartmentEntity)
      .find({ where: { code: In(codes) }, select: { code: true } });
    const known = new Set(found.map((d) => d.code));
    return codes.filter((c) => !known.has(c));
  }
}
