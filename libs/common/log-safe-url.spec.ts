import { logSafeUrl } from './log-safe-url.js';

describe('logSafeUrl', () => {
  it.each([
    ['/admin/queues?ticket=abc-DEF_123', '/admin/queues?ticket=***'],
    ['/admin/queues?token=eyJhbGciOi.x.y&page=2', '/admin/queues?token=***&page=2'],
    ['/x?page=1&TOKEN=secret#frag', '/x?page=1&TOKEN=***#frag'],
    ['/cgi-bin/webhook/send?key=robot-key&debug=1', '/cgi-bin/webhook/send?key=***&debug=1'],
    ['/robot/send?access_token=abc', '/robot/send?access_token=***'],
    ['/feeds/3f2a9b.ics?x=1', '/feeds/<token>?x=1'],
    ['/api/v1/tasks?tokenish=1&monkey=2', '/api/v1/tasks?tokenish=1&monkey=2'],
    ['/api/v1/tasks', '/api/v1/tasks'],
  ])('%s → %s', (url, logged) => {
    expect(logSafeUrl(url)).toBe(logged);
  });
});
