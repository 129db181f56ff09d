import { DynamicModule, Global, Module } from '@nestjs/common';
import type { AssessmentRubric } from './assessment-rubric.js';

export const ASSESSMENT_RUBRIC = Symbol('AssessmentRubric');

/** The assessment rubric, loaded and validated once at boot. */
@Global()
@Module({})
export class RubricModule {
  static forRoot(rubric: AssessmentRubric): DynamicModule {
    return { module: RubricModule, providers: [{ provide: ASSESSMENT_RUBRIC, useValue: rubric }], exports: [ASSESSMENT_RUBRIC] };
  }
}
