import { PolicyError, validatePolicy } from './escalation-policy.js';

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
    [{ ...valid, steps: [valid.steps[0], { at: 'P1D', to: ['boss'], template: 'reminder' }] }, 'steps[1].to'],
    [{ ...valid, steps: [{ at: 'P1D', to: ['leader'], template: 'nag' }] }, 'steps[0].template'],
    [{ ...valid, steps: [{ at: 'P1D', to: ['leader'], template: 'reminder', every: 'P1D' }] }, 'steps[0]'],
    [{ ...valid, signOff: 'boss' }, 'signOff'],
  ])('refuses a bad field, naming it (%#)', (doc, where) => {
    expect(() => validatePolicy(doc, 'policy.yaml')).toThrow(PolicyError);
    expect(() => validatePolicy(doc, 'policy.yaml')).toThrow(`policy.yaml: ${where}:`);
  });
});
