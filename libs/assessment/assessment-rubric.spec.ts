import { readFileSync } from 'node:fs';
import { GRADES, loadAssessmentRubric, RUBRIC_DEDUCTIONS, RUBRIC_METRICS, RubricError, TRENDS, validateRubric } from './assessment-rubric.js';

const valid = {
  metrics: { onTimeRate: 40, evidenceShare: 20, gradeScore: 25, indicatorState: 15 },
  deductions: { turnedRed: 1, escalated: 2, returns: 0.5 },
  bounds: { min: 0, max: 100 },
  reviewerWeight: 30,
  commentRequiredBelow: 60,
};

describe('assessment rubric validation', () => {
  it('reads the shipped rubric', () => {
    const rubric = loadAssessmentRubric('config/assessment.yaml');
    // The report metrics (定期报送) are named with weight 0: today's scores stand until a rubric weighs them.
    expect(rubric.metrics).toEqual({ onTimeRate: 40, evidenceShare: 20, gradeScore: 25, indicatorState: 15, reportsOnTimeRate: 0 });
    expect(rubric.deductions).toMatchObject({ turnedRed: 1, escalated: 2, reportsMissed: 0 });
    expect(rubric).toMatchObject({ bounds: { min: 0, max: 100 }, reviewerWeight: 30, commentRequiredBelow: 60 });
  });

  it('fills grade and indicator points with the defaults', () => {
    const rubric = validateRubric({ metrics: { onTimeRate: 100 } });
    expect(rubric.gradePoints).toEqual({ excellent: 100, good: 85, pass: 70, fail: 0 });
    expect(rubric.indicatorPoints).toEqual({ on_track: 1, at_risk: 0.5, off_track: 0 });
    expect(rubric).toMatchObject({ bounds: { min: 0, max: 100 }, reviewerWeight: 0, commentRequiredBelow: 0, deductions: {} });
  });

  it.each([
    [{ ...valid, metrics: { onTimeRate: 40, evidenceShare: 20 } }, 'metrics', 'add up to 100'],
    [{ ...valid, metrics: { onTimeRate: 60, speed: 40 } }, 'metrics.speed', 'unknown metric'],
    [{ ...valid, metrics: { onTimeRate: 120, evidenceShare: -20 } }, 'metrics.onTimeRate', 'at most 100'],
    [{ ...valid, metrics: { onTimeRate: 'forty' } }, 'metrics.onTimeRate', 'must be a number'],
    [{ ...valid, metrics: undefined }, 'metrics', 'required'],
    [{ ...valid, deductions: { turnedRed: -1 } }, 'deductions.turnedRed', 'negative'],
    [{ ...valid, deductions: { lateness: 1 } }, 'deductions.lateness', 'unknown'],
    [{ ...valid, gradePoints: { excellent: 100, superb: 120 } }, 'gradePoints.superb', 'unknown'],
    [{ ...valid, indicatorPoints: { at_risk: 2 } }, 'indicatorPoints.at_risk', 'at most 1'],
    [{ ...valid, bounds: { min: 80, max: 60 } }, 'bounds', 'below max'],
    [{ ...valid, bounds: { min: 0, max: 100, step: 1 } }, 'bounds.step', 'unknown'],
    [{ ...valid, reviewerWeight: 130 }, 'reviewerWeight', 'at most 100'],
    [{ ...valid, commentRequiredBelow: -5 }, 'commentRequiredBelow', 'negative'],
    [{ ...valid, threshold: 60 }, 'threshold', 'unknown field'],
    ['just text', 'file', 'mapping'],
  ])('refuses a bad field, naming it (%#)', (doc, where, why) => {
    expect(() => validateRubric(doc, 'assessment.yaml')).toThrow(RubricError);
    expect(() => validateRubric(doc, 'assessment.yaml')).toThrow(`assessment.yaml: ${where}:`);
    expect(() => validateRubric(doc, 'assessment.yaml')).toThrow(why);
  });

  it('publishes the schema editors use with the keys the scoring knows', () => {
    const schema = JSON.parse(readFileSync('config/assessment.schema.json', 'utf8')) as { properties: Record<string, { properties: object }> };
    const keys = (field: string) => Object.keys(schema.properties[field].properties);
    expect(keys('metrics')).toEqual([...RUBRIC_METRICS]);
    expect(keys('deductions')).toEqual([...RUBRIC_DEDUCTIONS]);
    expect(keys('gradePoints')).toEqual([...GRADES]);
    expect(keys('indicatorPoints')).toEqual([...TRENDS]);
  });

  it('names the file it cannot read', () => {
    expect(() => loadAssessmentRubric('/nonexistent/assessment.yaml')).toThrow('/nonexistent/assessment.yaml: cannot read');
  });
});
