import { ValidateIf, type ValidationOptions } from 'class-validator';

/**
 * For request bodies: the field may be left out, but not sent as null. Services
 * read a missing field as "unchanged" and a given one as the new value, and
 * class-validator's `IsOptional` also lets null through, which then reached NOT NULL
 * columns as a 500. With this, null is validated like any other value: a 400.
 * Query DTOs keep `IsOptional` (a query string has no null).
 */
export const Omittable = (options?: ValidationOptions) => ValidateIf((_object, value) => value !== undefined, options);
