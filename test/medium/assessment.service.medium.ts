import { AssessmentModule } from '../../libs/assessment/assessment.module.js';
import { AssessmentService } from '../../libs/assessment/assessment.service.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../../libs/common/errors.js';
import { type Medium, newActor, Role, startMedium } from './medium.js';

const YEAR = 2023;

describe('AssessmentService on PostgreSQL', () => {
  let medium: Medium;
  let assessments: AssessmentService;

  beforeAll(async () => {
    medium = await startMedium([AssessmentModule]);
    assessments = medium.get(AssessmentService);
  });
  afterAll(() => medium.close());

  it('opens a year once, ranks every department of the plan, and takes a reviewer’s score once then by version', async () => {
    const admin = await newActor(medium, Role.Admin);
    const reviewer = await newActor(medium, Role.Reviewer);
    expect(await assessments.open(admin, YEAR)).toMatchObject({ year: YEAR, status: 'open' });
    await expect(assessments.open(admin, YEAR)).rejects.toBeInstanceOf(ConflictError);

    const ranked = await assessments.departmentAssessments(YEAR);
    const [{ n }] = await medium.sql<{ n: number }>('SELECT count(*)::int AS n FROM department');
    expect(ranked).toHaveLength(n);
    // Ranked first, in order; a department with nothing due in the year is listed after them, unranked.
    const ranks = ranked.map((d) => d.rank);
    const firstUnranked = ranks.indexOf(null);
    const numbered = firstUnranked === -1 ? ranks : ranks.slice(0, firstUnranked);
    expect(numbered).toEqual([...numbered].sort((a, b) => a! - b!));
    expect(ranks.slice(numbered.length).every((r) => r === null)).toBe(true);
    expect(ranked.filter((d) => d.rank === null).every((d) => d.metrics.due === 0)).toBe(true);

    const first = await assessments.score(reviewer, YEAR, 'finance', { score: 90 });
    expect(first).toMatchObject({ score: 90, version: 1 });
    await expect(assessments.score(reviewer, YEAR, 'finance', { score: 80 })).rejects.toBeInstanceOf(ConflictError);
    await expect(assessments.score(reviewer, YEAR, 'finance', { score: 10, version: 1 })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(assessments.score(reviewer, YEAR, 'no-such', { score: 80 })).rejects.toBeInstanceOf(NotFoundError);
    expect(await assessments.score(reviewer, YEAR, 'finance', { score: 85, version: 1 })).toMatchObject({ score: 85, version: 2 });
    expect(await medium.sql(`SELECT action FROM audit_log WHERE action LIKE 'assessment.%' ORDER BY seq`)).toEqual([
      { action: 'assessment.open' },
      { action: 'assessment.score' },
      { action: 'assessment.score.revise' },
    ]);
  });

  it('freezes the report when finalised: a later change of the record changes neither the report nor the ranking', async () => {
    const admin = await newActor(medium, Role.Admin);
    await assessments.finalize(admin, YEAR);
    const frozen = await assessments.report(YEAR);
    await medium.sql(
      `UPDATE task SET status = 'completed', completed_at = '${YEAR}-03-01T00:00:00Z' WHERE due_date BETWEEN '${YEAR}-01-01' AND '${YEAR}-12-31'`,
    );
    expect(await assessments.report(YEAR)).toEqual(frozen);
    await expect(assessments.finalize(admin, YEAR)).rejects.toBeInstanceOf(ConflictError);
    await expect(assessments.score(await newActor(medium, Role.Reviewer), YEAR, 'finance', { score: 90 })).rejects.toBeInstanceOf(ConflictError);
  });
});
