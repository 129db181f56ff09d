export interface NamedDepartment {
  code: string;
  name: string;
  aliases: string[];
}

// Place names and unit-type suffixes tables add to a department's name: 泰兴市教育局 and 教育部门 are one department.
const PLACE_PREFIX = /^(中共)?(泰兴市|泰兴|市委|市|县|区)/;
const UNIT_SUFFIX = /(部门|委员会办公室|委员会|办公室|管理局|局|委|办|部|处|中心)$/;

/** What is left of a name once place and unit type are gone: 市财政局 → 财政. */
export function departmentStem(name: string): string {
  const bare = name.replace(/\s+/g, '');
  return bare.replace(PLACE_PREFIX, '').replace(UNIT_SUFFIX, '') || bare;
}

/**
 * Matches the department names a table writes to department codes: the exact name or
 * code first, then a seeded alias, then the short form (place prefix and unit suffix
 * dropped) when exactly one department has it.
 */
export class DepartmentMatcher {
  private readonly exact = new Map<string, string>();
  private readonly stems = new Map<string, string[]>();

  constructor(departments: NamedDepartment[]) {
    for (const d of departments) {
      this.exact.set(d.code, d.code);
      this.exact.set(d.name, d.code);
    }
    for (const d of departments) for (const alias of d.aliases) if (!this.exact.has(alias)) this.exact.set(alias, d.code);
    for (const d of departments) {
      for (const name of [d.name, ...d.aliases]) {
        const codes = this.stems.get(departmentStem(name)) ?? [];
        if (!codes.includes(d.code)) codes.push(d.code);
        this.stems.set(departmentStem(name), codes);
      }
    }
  }

  /** The code for one name, or null when no department (or more than one) answers to it. */
  match(name: string): string | null {
    const bare = name.replace(/\s+/g, '');
    const exact = this.exact.get(bare) ?? this.exact.get(bare.replace(PLACE_PREFIX, ''));
    if (exact) return exact;
    const codes = this.stems.get(departmentStem(bare));
    return codes?.length === 1 ? codes[0] : null;
  }

  /** Every name in a cell (split on 、，,; and spaces) matched: the codes in order, and the names that matched none. */
  matchAll(cell: string): { codes: string[]; unknown: string[] } {
    const codes: string[] = [];
    const unknown: string[] = [];
    for (const name of splitDepartments(cell)) {
      const code = this.match(name);
      if (code === null) unknown.push(name);
      else if (!codes.includes(code)) codes.push(code);
    }
    return { codes, unknown };
  }
}

export function splitDepartments(cell: string): string[] {
  return cell
    .split(/[、，,；;\s\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
