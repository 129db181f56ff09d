/**
 * Domain errors: services throw these, one HTTP filter maps them to status codes.
 * Messages are for people, so they are in Chinese.
 */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
export class NotFoundError extends DomainError {}
export class ForbiddenError extends DomainError {}
export class ConflictError extends DomainError {}
export class InvalidInputError extends DomainError {}
export class PayloadTooLargeError extends DomainError {}
export class UnsupportedMediaTypeError extends DomainError {}
export class UnauthorizedError extends DomainError {}
/** The account is locked after too many failed logins (423). */
export class LockedError extends DomainError {}
/** A backing service (such as the evidence store) cannot be reached; the request may succeed later. */
export class ServiceUnavailableError extends DomainError {}
