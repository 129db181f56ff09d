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
    if (named.length > 1) return { problem: `「${key}」有 ${named.length} 名在职督查人员同名，请改填其邮箱（${named.map((s) => s.email).join('、')}）` };
    return { problem: `「${key}」不是在职的督查人员（请填写督查人员的姓名或邮箱，或留空由导入人担任）` };
  }
}
