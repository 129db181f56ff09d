/** A paragraph of the plan cut into plain text and the clauses (by their verbatim text) it contains. */
export type Segment = { text: string; ref?: string };

export interface Clause {
  ref: string;
  text: string;
}

/**
 * Lays a section's clauses over its text: each paragraph becomes segments, a
 * clause's sentence marked with its ref where it occurs verbatim; clauses
 * found in no paragraph are returned apart, to be shown after the text.
 */
export function layOutSection(text: string, clauses: Clause[]): { paragraphs: Segment[][]; unplaced: Clause[] } {
  const placed = new Set<string>();
  const paragraphs = text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((paragraph) => {
      // Earliest match first; a clause is placed once, where it first occurs.
      const hits = clauses
        .filter((c) => c.text.trim().length > 0 && !placed.has(c.ref))
        .map((c) => ({ clause: c, at: paragraph.indexOf(c.text.trim()) }))
        .filter((h) => h.at >= 0)
        .sort((a, b) => a.at - b.at);
      const segments: Segment[] = [];
      let cursor = 0;
      for (const { clause, at } of hits) {
        if (at < cursor) continue; // overlaps the previous clause
        if (at > cursor) segments.push({ text: paragraph.slice(cursor, at) });
        const sentence = clause.text.trim();
        segments.push({ text: sentence, ref: clause.ref });
        placed.add(clause.ref);
        cursor = at + sentence.length;
      }
      if (cursor < paragraph.length) segments.push({ text: paragraph.slice(cursor) });
      return segments;
    });
  return { paragraphs, unplaced: clauses.filter((c) => !placed.has(c.ref)) };
}
