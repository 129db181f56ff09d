import { type ArgumentMetadata, BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

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

/** Deeper than any DTO (the deepest is an array of strings); class-transformer recurses, so a deeper body would overflow the stack. */
export const MAX_INPUT_DEPTH = 16;
/** A NUL, or a surrogate without its pair. */
// eslint-disable-next-line no-control-regex -- NUL is what this pattern looks for
const FORBIDDEN_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What no input may hold, found without recursion: nesting deeper than `maxDepth`,
 * or a string (value or key) with a NUL character or an unpaired UTF-16 surrogate,
 * which PostgreSQL refuses in text and in jsonb. Returns the offending field's
 * path and the reason, or null when the input is clean.
 */
export function unacceptableInput(value: unknown, maxDepth = MAX_INPUT_DEPTH): { field: string; reason: 'depth' | 'text' } | null {
  const stack: Array<[unknown, string, number]> = [[value, '', 0]];
  while (stack.length) {
    const [item, path, depth] = stack.pop()!;
    if (typeof item === 'string') {
      if (FORBIDDEN_TEXT.test(item)) return { field: path, reason: 'text' };
      continue;
    }
    if (item === null || typeof item !== 'object') continue;
    if (depth >= maxDepth) return { field: path, reason: 'depth' };
    for (const [key, child] of Object.entries(item)) {
      const childPath = path ? `${path}.${key}` : key;
      if (FORBIDDEN_TEXT.test(key)) return { field: childPath, reason: 'text' };
      stack.push([child, childPath, depth + 1]);
    }
  }
  return null;
}

/**
 * Refuses, before class-transformer walks it, input that would otherwise end as a 500:
 * a stack overflow on deep nesting, or PostgreSQL refusing a NUL or a lone surrogate.
 */
class DubanValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata) {
    // A custom decorator's value (the caller) is the server's own, not input.
    const bad = metadata.type === 'custom' ? null : unacceptableInput(value);
    if (bad) {
      const field = [metadata.type === 'param' || metadata.type === 'query' ? metadata.data : undefined, bad.field].filter(Boolean).join('.') || metadata.type;
      throw new BadRequestException([bad.reason === 'depth' ? `${field} 嵌套超过 ${MAX_INPUT_DEPTH} 层` : `${field} 含有不允许的字符（NUL 或不成对的代理项）`]);
    }
    return super.transform(value, metadata);
  }
}

/** The one validation pipe: unknown fields are refused, types are converted, every bad field is named. */
export function validationPipe(): ValidationPipe {
  return new DubanValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    exceptionFactory: (errors) => new BadRequestException(messages(errors)),
  });
}
