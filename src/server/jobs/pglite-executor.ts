import type { PGlite } from '@electric-sql/pglite';

/**
 * pg-boss speaks to its database through `executeSql(text, values)`, the node-postgres `pool.query` it uses by
 * default. This is the same for the embedded database (decision 110): a statement with parameters goes through
 * PGlite's `query` (one statement, extended protocol, as node-postgres does); a text without parameters through
 * `exec`, because pg-boss sends some commands as one script (`BEGIN; … advisory lock …; COMMIT;`), which node-postgres
 * runs with the simple protocol. PGlite runs one statement at a time for the whole process, so a script is never
 * interleaved with the app's own transactions.
 */
export function pgliteExecutor(pglite: PGlite) {
  return {
    async executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[]; rowCount: number }> {
      try {
        if (values && values.length > 0) {
          const result = await pglite.query(text, values);
          return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
        }
        const results = await pglite.exec(text);
        const last = results[results.length - 1];
        return { rows: last?.rows ?? [], rowCount: last?.affectedRows ?? last?.rows.length ?? 0 };
      } catch (error) {
        // A script that failed between its BEGIN and COMMIT would leave the one connection inside a broken
        // transaction, refusing every later statement of the app: end it. Outside a transaction this is a no-op.
        if (!values?.length) await pglite.exec('ROLLBACK').catch(() => undefined);
        throw error;
      }
    },
  };
}
