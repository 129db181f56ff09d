import { needsDepartment, userBody, userFormErrors } from './users';

describe('userFormErrors', () => {
  const valid = { email: 'wang@finance.local', name: '王芳', password: 'password-123', role: 'liaison' as const, departmentCode: 'finance' };

  it('accepts a complete liaison, and an admin without a department', () => {
    expect(userFormErrors(valid)).toEqual({});
    expect(userFormErrors({ ...valid, role: 'admin', departmentCode: undefined })).toEqual({});
  });

  it('asks for every field, in Chinese', () => {
    expect(userFormErrors({})).toEqual({ email: '请填写邮箱', name: '请填写姓名', role: '请选择角色' });
  });

  it('wants an e-mail address and a password of at least 8 characters', () => {
    expect(userFormErrors({ ...valid, email: 'wang' }).email).toBe('邮箱格式不正确');
    expect(userFormErrors({ ...valid, email: 'wang@local' }).email).toBeUndefined();
    expect(userFormErrors({ ...valid, password: '1234567' }).password).toBe('初始密码至少 10 位');
    expect(userFormErrors({ ...valid, name: '   ' }).name).toBe('请填写姓名');
  });

  it.each(['leader', 'liaison'] as const)('needs a department for %s only', (role) => {
    expect(userFormErrors({ ...valid, role, departmentCode: undefined }).departmentCode).toBe('部门负责人和联络员须选择所属部门');
    expect(needsDepartment(role)).toBe(true);
  });

  it.each(['admin', 'supervisor', 'reviewer', 'auditor', 'security_admin'] as const)('%s has no department', (role) => {
    expect(needsDepartment(role)).toBe(false);
    expect(userFormErrors({ ...valid, role, departmentCode: undefined })).toEqual({});
  });
});

describe('userBody', () => {
  it('trims, and drops a department left over from a role that had one', () => {
    expect(userBody({ email: ' a@b.local ', name: ' 李四 ', password: 'password-1', role: 'reviewer', departmentCode: 'finance' })).toEqual({
      email: 'a@b.local',
      name: '李四',
      password: 'password-1',
      mustChangePassword: true,
      role: 'reviewer',
    });
    expect(userBody({ email: 'a@b.local', name: '李四', password: 'password-1', role: 'leader', departmentCode: 'finance' })).toEqual({
      email: 'a@b.local',
      name: '李四',
      password: 'password-1',
      mustChangePassword: true,
      role: 'leader',
      departmentCode: 'finance',
    });
  });

  it('sends no password when none was typed (the API draws a temporary one), and keeps an explicit "no change required"', () => {
    expect(userBody({ email: 'a@b.local', name: '李四', role: 'auditor' })).toEqual({ email: 'a@b.local', name: '李四', role: 'auditor' });
    expect(userBody({ email: 'a@b.local', name: '李四', password: 'password-1', mustChangePassword: false, role: 'auditor' })).toMatchObject({
      mustChangePassword: false,
    });
    expect(userFormErrors({ email: 'a@b.local', name: '李四', role: 'auditor' })).toEqual({});
  });
});
