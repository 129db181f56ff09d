import { handlersByName, type JobHandler } from './job-handler.js';
import { JobName } from './queue-names.js';

const handler = (jobName: JobName, name = `Handler${jobName}`): JobHandler => {
  class Named implements JobHandler {
    readonly jobName = jobName;
    async handle() {}
  }
  Object.defineProperty(Named, 'name', { value: name });
  return new Named();
};

describe('job handlers', () => {
  const all = Object.values(JobName);

  it('maps every job name to its one handler', () => {
    const map = handlersByName([handler(JobName.Sweep), handler(JobName.Deliver), handler(JobName.AssessmentReport)], all);
    expect([...map.keys()].sort()).toEqual([...all].sort());
  });

  it('refuses a job name without handler', () => {
    expect(() => handlersByName([handler(JobName.Sweep)], all)).toThrow(`任务 ${JobName.Deliver} 没有处理器`);
  });

  it('refuses two handlers for one job name', () => {
    expect(() =>
      handlersByName([handler(JobName.Sweep, 'A'), handler(JobName.Sweep, 'B'), handler(JobName.Deliver), handler(JobName.AssessmentReport)], all),
    ).toThrow('有多个处理器：A、B');
  });
});
