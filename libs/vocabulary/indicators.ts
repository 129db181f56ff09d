/** Which side of the target meets it; wire values of the seeds and the API. */
export type Comparator = '>=' | '=' | '<=';
export const COMPARATORS: readonly Comparator[] = ['>=', '=', '<='];
