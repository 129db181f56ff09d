import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

/** Chinese wording for the constraints duban's DTOs use; each message names the field. */
const MESSAGES: Record<string, (field: string) => string> = {
  whitelistValidation: (f) => `不允许的字段：${f}`,
  isString: (f) => `${f} 必须是字符串`,
  isNotEmpty: (f) => `${f} 不能为空`,
  isInt: (f) => `${f} 必须是整数`,
  isNumber: (f) => `${f} 必须是数字（最多两位小数）`,
  matches: (f) => `${f} 的格式不正确`,
  isBoolean: (f) => `${f} 必须是 true 或 false`,
  isArray: (f) => `${f} 必须是数组`,
  isUuid: (f) => `${f} 必须是 UUID`,
  isEmail: (f) => `${f} 必须是有效的邮箱地址`,
  isEnum: (f) => `${f} 的取值不在允许范围内`,
  isIn: (f) => `${f} 的取值不在允许范围内`,
  isCalendarDate: (f) => `${f} 必须是 YYYY-MM-DD 格式的有效日期`,
  min: (f) => `${f} 小于允许的最小值`,
  max: (f) => `${f} 大于允许的最大值`,
  minLength: (f) => `${f} 过短`,
  maxLength: (f) => `${f} 过长`,
  arrayMaxSize: (f) => `${f} 的元素过多`,
};

function messages(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const field = `${prefix}${error.property}`;
    const own = Object.entries(error.constraints ?? {}).map(([name, original]) => {
      const translate = MESSAGES[name];
      return translate ? `${translate(field)}（${original}）` : original;
    });
    return [...own, ...messages(error.children ?? [], `${field}.`)];
  });
}

/** The one validation pipe: unknown fields are refused, types are converted, every bad field is named. */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    exceptionFactory: (errors) => new BadRequestException(messages(errors)),
  });
}
