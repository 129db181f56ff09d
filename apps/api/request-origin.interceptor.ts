import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { runWithOrigin } from '../../libs/common/request-origin.js';

/** Carries each request's client address (TRUST_PROXY-aware) to the audit entries its handler writes. */
@Injectable()
export class RequestOriginInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    return new Observable((subscriber) => runWithOrigin({ ip: request.ip ?? null, requestId: String(request.id) }, () => next.handle().subscribe(subscriber)));
  }
}
