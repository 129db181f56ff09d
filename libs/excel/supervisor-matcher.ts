import { TABLE_PROBLEMS } from './excel.messages.js';
/** An active supervisor as the 分工表's 督办责任人 column may name one: by name, or by email when two share a name. */
export interface SupervisorEntry {
  id: string;
  name: string;
  email: string;
}

/** Reads a 督办责任人 cell: the supervisor it names, or why it names none. */
export class SupervisorMatcher {
  private readonly byEmail = new Map<string, SupervisorEntry>();
  private readonly byName = new Map<string, SupervisorEntry[]>();

  constructor(supervisors: SupervisorEntry[]) {
    for (const s of supervisors) {
      this.byEmail.set(s.email.toLowerCase(), s);
      this.byName.set(s.name.trim(), [...(this.byName.get(s.name.trim()) ?? []), s]);
    }
  }

  match(text: string): { id: string } | { problem: string } {
    const key = text.trim();
    const byEmail = this.byEmail.get(key.toLowerCase());
    if (byEmail) return { id: byEmail.id };
    const named = this.byName.get(key) ?? [];
    if (named.length === 1) return { id: named[0].id };
    if (named.length > 1)
      return {
        problem: TABLE_PROBLEMS.supervisorNamesake(
          key,
          named.map((s) => s.email),
        ),
      };
    return { problem: TABLE_PROBLEMS.notASupervisor(key) };
  }
}
