import pg from 'pg';

/**
 * A cheap fingerprint of every table of a database, read from the catalogue at
 * run time so new tables are covered: its row count and the newest row version
 * (max `xmin`, the transaction that wrote it). Any committed insert or update
 * writes a row version with a newer xmin and any delete lowers the count, so two
 * equal fingerprints mean no row was added, changed or removed, without reading
 * every row as text.
 */
export interface Fingerprinter {
  take(): Promise<Map<string, string>>;
  /** The tables whose fingerprint differs, e.g. `["task", "audit_log"]`. */
  changed(before: Map<string, string>, after: Map<string, string>): string[];
  close(): Promise<void>;
}

export async function fingerprinter(url: string): Promise<Fingerprinter> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ schema: string; name: string }>(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`,
  );
  const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const query = rows
    .map(
      ({ schema, name }) =>
        `SELECT '${schema}.${name}' AS t, count(*) || ':' || coalesce(max(xmin::text::bigint), 0) AS h FROM ${ident(schema)}.${ident(name)}`,
    )
    .join(' UNION ALL ');
  return {
    async take() {
      const result = await client.query<{ t: string; h: string }>(query);
      return new Map(result.rows.map((row) => [row.t, row.h]));
    },
    changed(before, after) {
      return [...new Set([...before.keys(), ...after.keys()])].filter((table) => before.get(table) !== after.get(table));
    },
    close: () => client.end(),
  };
}
