import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEscalationPolicy, PolicyError, SIGN_OFF_MODES, TEMPLATES, validatePolicy } from './escalation-policy.js';

const valid = {
  workdays: true,
  warnBefore: 'P3D',
  steps: [
    { at: '-P7D', to: ['assignee'], template: 'reminder' },
    { at: 'PT30S', to: ['leader', 'supervisors'], template: 'escalation' },
  ],
};

describe('escalation policy validation', () => {
  it('reads signed durations, recipients and templates', () => {
    const policy = validatePolicy(valid);
    expect(policy.steps.map((s) => [s.at.sign, s.at.days, s.at.timeMs])).toEqual([
      [-1, 7, 0],
      [1, 0, 30_000],
    ]);
    expect(policy.warnBefore.days).toBe(3);
    expect(policy.signOff).toBe('none'); // submissions go straight to the supervisor unless the policy says otherwise
    expect(validatePolicy({ ...valid, signOff: 'leader' }).signOff).toBe('leader');
  });

  it.each([
    [{ ...valid, workdays: 'yes' }, 'workdays'],
    [{ ...valid, warnBefore: '3 days' }, 'warnBefore'],
    [{ ...valid, steps: [] }, 'steps'],
    [{ ...valid, steps: [{ at: 'P1M', to: ['assignee'], template: 'reminder' }] }, 'steps[0].at'],
    [{ ...valid, steps: [valid.steps[0], { at: 'P1D', to: ['boss'], template: 'reminder' }] }, 'steps[1].to[0]'],
    [{ ...valid, steps: [{ at: 'P1D', to: ['leader'], template: 'nag' }] }, 'steps[0].template'],
    [{ ...valid, steps: [{ at: 'P1D', to: ['leader'], template: 'reminder', every: 'P1D' }] }, 'steps[0].every'],
    [{ ...valid, review: [{ at: '-P1D', to: ['supervisor'], template: 'review' }] }, 'review[0].at'],
    [{ ...valid, review: [{ at: 'P1D', to: ['leader'], template: 'review' }] }, 'review[0].to[0]'],
    [{ ...valid, steps: [{ at: 'P', to: ['leader'], template: 'reminder' }] }, 'steps[0].at'],
    [{ ...valid, signOff: 'boss' }, 'signOff'],
  ])('refuses a bad field, naming it (%#)', (doc, where) => {
    expect(() => validatePolicy(doc, 'policy.yaml')).toThrow(PolicyError);
    expect(() => validatePolicy(doc, 'policy.yaml')).toThrow(`policy.yaml: ${where}:`);
  });

  it('names the line and column of the field at fault in a file, and the recipient it does not know', () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-policy-'));
    const file = join(dir, 'policy.yaml');
    writeFileSync(file, 'warnBefore: P3D\nsteps:\n  - { at: -P7D, to: [assignee], template: reminder }\n  - { at: P1D, to: [boss], template: reminder }\n');
    expect(() => loadEscalationPolicy(file)).toThrow(
      `${file}: steps[1].to[0]: unknown recipient "boss"; use assignee, liaisons, leader, supervisor, supervisors (line 4, column 21)`,
    );
    writeFileSync(file, 'steps: [ { at: P1D, to: [leader], template: reminder } ]\nwarnBefore: [\n');
    expect(() => loadEscalationPolicy(file)).toThrow(`${file}: cannot read the escalation policy`);
  });

  it('publishes the schema editors use with the same words the code knows', () => {
    const schema = JSON.parse(readFileSync('config/escalation.schema.json', 'utf8')) as {
      definitions: { template: { enum: string[] } };
      properties: { signOff: { enum: string[] } };
    };
    expect(schema.definitions.template.enum).toEqual([...TEMPLATES]);
    expect(schema.properties.signOff.enum).toEqual([...SIGN_OFF_MODES]);
    expect(loadEscalationPolicy('config/escalation.yaml').review.length).toBeGreaterThan(0);
  });
});
