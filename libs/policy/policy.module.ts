import { DynamicModule, Global, Module } from '@nestjs/common';
import type { EscalationPolicy } from './escalation-policy.js';

export const ESCALATION_POLICY = Symbol('EscalationPolicy');

/** The reminder and escalation policy, loaded and validated once at boot. */
@Global()
@Module({})
export class PolicyModule {
  static forRoot(policy: EscalationPolicy): DynamicModule {
    return { module: PolicyModule, providers: [{ provide: ESCALATION_POLICY, useValue: policy }], exports: [ESCALATION_POLICY] };
  }
}
