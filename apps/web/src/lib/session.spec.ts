import { loginPath, nextPath } from './session';

describe('returning to a linked page after sign-in', () => {
  it.each([
    ['/tasks/42', '', '/login?next=%2Ftasks%2F42'],
    ['/notifications', '?page=2', '/login?next=%2Fnotifications%3Fpage%3D2'],
    ['/', '', '/login'],
    ['/login', '?expired=1', '/login'],
  ])('%s%s signs in through %s', (pathname, search, expected) => {
    expect(loginPath(pathname, search)).toBe(expected);
  });

  it('goes back to the remembered page of the console', () => {
    expect(nextPath(`?${new URLSearchParams({ next: '/tasks/42?tab=history' })}`)).toBe('/tasks/42?tab=history');
    expect(nextPath(loginPath('/tasks/42', '').slice('/login'.length))).toBe('/tasks/42');
  });

  it.each(['', '?next=', '?next=https%3A%2F%2Fevil.example', '?next=%2F%2Fevil.example', '?next=%2F%5Cevil.example', '?next=%2Flogin'])(
    'refuses %s and goes home instead',
    (search) => {
      expect(nextPath(search)).toBeNull();
    },
  );
});
