/**
 * What a migration statement does to processes of the previous version that still serve while it runs (a rolling
 * upgrade: new processes migrate and start, old ones are stopped after). `expand` adds what old code never reads
 * or writes (a table, a nullable or defaulted column, an index) and cannot break it; `contract` removes or tightens
 * what old code may use (a column, a table, a type, a NOT NULL) and can; `review` changes what old code's writes do
 * (a trigger, a backfill, a new check) and needs a person's word, given with the migration's declaration.
 */
export type StatementEffect = 'expand' | 'contract' | 'review';

interface Rule {
  pattern: RegExp;
  effect: StatementEffect;
  what: string;
}

/** First match wins; a statement no rule knows is `review`, so a new kind of statement is looked at, not waved through. */
const RULES: Rule[] = [
  { pattern: /^CREATE TABLE\b/i, effect: 'expand', what: 'a new table' },
  { pattern: /^CREATE (UNIQUE )?INDEX\b/i, effect: 'expand', what: 'a new index' },
  // duban names unique indexes uq_*: an ON CONFLICT of the old code may name one as its arbiter.
  { pattern: /^DROP INDEX (\S+\.)?"?uq_/i, effect: 'review', what: 'a unique index dropped (an old ON CONFLICT may need it)' },
  { pattern: /^DROP INDEX\b/i, effect: 'expand', what: 'an index dropped (queries stay correct)' },
  { pattern: /^ALTER TABLE \S+ ADD CONSTRAINT \S+ FOREIGN KEY\b/i, effect: 'expand', what: 'a foreign key of new columns' },
  { pattern: /^ALTER TABLE \S+ ADD CONSTRAINT\b/i, effect: 'review', what: 'a new check or unique rule (may refuse old writes)' },
  {
    pattern: /^ALTER TABLE \S+ ADD (COLUMN )?"?\w+"? [^,]*\bNOT NULL\b(?![^,]*\bDEFAULT\b)/i,
    effect: 'contract',
    what: 'a NOT NULL column without a default (old inserts fail)',
  },
  { pattern: /^ALTER TABLE \S+ ADD (COLUMN )?"?\w+"? /i, effect: 'expand', what: 'a nullable or defaulted column' },
  { pattern: /^ALTER TABLE \S+ ALTER (COLUMN )?\S+ (DROP NOT NULL|SET DEFAULT)\b/i, effect: 'expand', what: 'a column loosened' },
  { pattern: /^ALTER TABLE \S+ DROP CONSTRAINT\b/i, effect: 'expand', what: 'a constraint dropped' },
  { pattern: /^ALTER TABLE \S+ (DROP (COLUMN )?"?\w+"?|RENAME\b)/i, effect: 'contract', what: 'a column dropped or renamed' },
  { pattern: /^ALTER TABLE \S+ ALTER (COLUMN )?\S+ (TYPE|SET NOT NULL|DROP DEFAULT)\b/i, effect: 'contract', what: 'a column tightened or retyped' },
  { pattern: /^(DROP TABLE|ALTER TABLE \S+ RENAME)\b/i, effect: 'contract', what: 'a table dropped or renamed' },
  { pattern: /^(CREATE (OR REPLACE )?(FUNCTION|TRIGGER)|DROP (TRIGGER|FUNCTION))\b/i, effect: 'review', what: 'a trigger (acts on old writes too)' },
  { pattern: /^(INSERT|UPDATE|DELETE)\b/i, effect: 'review', what: 'a backfill (old writes meanwhile are not covered)' },
];

export function statementEffect(sql: string): { effect: StatementEffect; what: string } {
  const statement = sql.trim().replace(/\s+/g, ' ');
  const rule = RULES.find((r) => r.pattern.test(statement));
  return rule ? { effect: rule.effect, what: rule.what } : { effect: 'review', what: 'a statement of a kind not classified' };
}

/** A migration's effect: its worst statement's (contract > review > expand). */
export function migrationEffect(statements: string[]): StatementEffect {
  const effects = new Set(statements.map((s) => statementEffect(s).effect));
  return effects.has('contract') ? 'contract' : effects.has('review') ? 'review' : 'expand';
}
