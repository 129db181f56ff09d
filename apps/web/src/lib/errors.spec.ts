import { ApiError, describeError, errorText, isMissingRoute, translateValidationMessage } from './errors';

describe('describeError', () => {
  it.each([
    [0, null, '/tasks', '无法连接服务器，请检查网络后重试（已填写的内容仍保留）'],
    [401, { message: 'Unauthorized' }, '/auth/login', '邮箱或密码不正确'],
    [401, { message: 'Unauthorized' }, '/tasks', '登录已失效，请重新登录'],
    [403, { message: 'Forbidden resource' }, '/tasks', '无权执行此操作'],
    [403, { message: '只有牵头单位可以提交' }, '/tasks/1/submit', '无权执行此操作：只有牵头单位可以提交'],
    [404, { message: 'Cannot GET /api/v1/dashboard' }, '/dashboard', '该功能暂未开通（服务器尚未提供此接口），请稍后再试或联系管理员'],
    [404, { message: '任务不存在：x' }, '/tasks/x', '未找到：任务不存在：x'],
    [404, { message: 'Not Found' }, '/tasks/x', '未找到该内容，可能已删除或无权查看'],
    [
      409,
      { message: '任务已被他人修改（当前版本 3，请求版本 2），请刷新后重试' },
      '/tasks/1/accept',
      '操作未完成：任务已被他人修改（当前版本 3，请求版本 2），请刷新后重试',
    ],
    [409, { message: 'Conflict' }, '/tasks/1/accept', '操作与当前状态冲突（可能已被他人修改），请刷新后重试'],
    [413, { message: 'Payload Too Large' }, '/tasks/1/evidence', '文件过大，超过了允许的上限'],
    [415, { message: 'Unsupported Media Type' }, '/tasks/1/evidence', '不支持该文件类型，请上传 PDF、Office 文档或图片'],
    [429, { message: 'Too Many Requests' }, '/auth/login', '操作过于频繁，请稍后再试'],
    [500, { message: 'Internal server error' }, '/tasks', '服务器暂时出错，请稍后重试（已填写的内容仍保留）'],
    [503, null, '/tasks', '服务器暂时出错，请稍后重试（已填写的内容仍保留）'],
  ] as const)('%d %j on %s', (status, body, path, text) => {
    expect(describeError(status, body, path)).toBe(text);
  });

  it('names each bad field of a validation error in Chinese', () => {
    expect(
      describeError(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: ['title should not be empty', 'dueDate must be a calendar date YYYY-MM-DD', 'property foo should not exist'],
      }),
    ).toBe('填写有误：任务名称不能为空；截止日期必须是有效日期；不接受的字段：foo');
  });

  it('keeps a Chinese domain message of a 400 as it is', () => {
    expect(describeError(400, { message: '缺少文件字段 file' })).toBe('填写有误：缺少文件字段 file');
  });

  it('says something for an empty 400', () => {
    expect(describeError(400, null)).toBe('填写有误，请检查后重试');
  });
});

describe('translateValidationMessage', () => {
  it.each([
    ['percent must not be greater than 100', '完成进度超出允许的最大值'],
    ['percent must not be less than 0', '完成进度小于允许的最小值'],
    ['grade must be one of the following values: excellent, good, pass, fail', '评定等次的取值不在允许范围内'],
    ['email must be an email', '邮箱格式不正确'],
    ['each value in evidenceIds must be a UUID', '佐证材料格式不正确'],
    ['title must be shorter than or equal to 300 characters', '任务名称过长'],
    ['unknownField is odd', 'unknownField填写有误'],
  ])('%s', (message, text) => {
    expect(translateValidationMessage(message)).toBe(text);
  });
});

describe('isMissingRoute and errorText', () => {
  it('tells a missing route from a missing resource', () => {
    expect(isMissingRoute(404, { message: 'Cannot PUT /api/v1/assessments/2025/departments/edu' })).toBe(true);
    expect(isMissingRoute(404, { message: '规划不存在' })).toBe(false);
    expect(isMissingRoute(400, { message: 'Cannot GET /x' })).toBe(false);
  });

  it('gives every thrown value a sentence', () => {
    expect(errorText(new ApiError(429, null, '/x'))).toBe('操作过于频繁，请稍后再试');
    expect(errorText(new Error('请先选择文件'))).toBe('请先选择文件');
    expect(errorText(new TypeError('x is undefined'))).toBe('操作失败，请重试');
    expect(errorText('boom')).toBe('操作失败，请重试');
  });
});
