/**
 * The analytical store in embedded DuckDB. Three entry points:
 * {@link org.olistdw.analytics.duckdb.DuckDbWarehouse#open} (builds and publishing; a build hands out the
 * pipeline's build ports, each implemented by a package-private class; and
 * {@link org.olistdw.analytics.duckdb.DuckDbWarehouse#measure}, quality rules on a warehouse file),
 * {@link org.olistdw.analytics.duckdb.DuckDbRepositories#open} (the published warehouse, opened read-only, as
 * domain aggregates) and {@link org.olistdw.analytics.duckdb.WarehouseSql} (the layout, macros and models as
 * plain SQL, for the benchmark's bare-engine baseline); everything else is package-private.
 *
 * <p>Design choices, and why:
 * <ul>
 *   <li><b>One file per build, renamed over the published file.</b> A rename within a directory is atomic, so
 *       readers open the old warehouse or the new one, never a mixture; a reader that already has the old
 *       file open keeps reading it. Build files are named after the run, so a killed run's file is
 *       recognisable and deleted by the next build, unless DuckDB's lock shows that a process still has it
 *       open.</li>
 *   <li><b>Own CSV reader.</b> Quarantine needs each row's exact text and the line where it starts, including
 *       rows spread over several lines by quoted line breaks, which general CSV libraries do not expose. A
 *       quote that never closes costs the lines up to its own, not the rest of the file.</li>
 *   <li><b>Appender into an in-memory stage, then one insert per batch.</b> Appending straight into the file
 *       compresses each chunk on the appending thread; staging and moving whole row groups with a set-based
 *       insert lets DuckDB use its threads, about twice as fast. Reading and checking rows runs on a second
 *       thread, handing over small batches through a bounded queue.</li>
 *   <li><b>Dependencies from DuckDB's parser.</b> {@code json_serialize_sql} gives every table reference,
 *       wherever it sits in the statement, so the graph is never a second, hand-kept list; the Java steps declare
 *       what they read the same way, from the queries they run.</li>
 *   <li><b>A session per node.</b> Each model, step write and check runs on a duplicate of the build's
 *       connection (same database, own transactions), so that nodes of the build graph run at once; DuckDB's
 *       optimistic concurrency lets sessions create different tables of one file at the same time, and its
 *       worker threads are shared by all of them.</li>
 *   <li><b>Aggregates by merging sorted cursors.</b> An order spans four facts; each is read by a streaming
 *       cursor (a duplicated connection with {@code jdbc_stream_results}: DuckDB streams one result per
 *       connection) sorted by order id and merged in Java, so one order at a time is in memory; DuckDB's
 *       sorts stay within its memory limit and spill beyond it.</li>
 *   <li><b>Quality rules as SQL templates.</b> Each kind of rule is a template of two statements (the rows
 *       checked, the evidence) in {@code sql/quality/kinds}; {@code SqlTemplate} fills
 *       it only with quoted identifiers, escaped literals and free SQL that cannot leave its parentheses, and one
 *       piece of Java turns any rendered rule into counts and a sample. A rule of kind {@code sql} brings its own
 *       query ({@code sql/quality/checks}); the same rendering gives the tables a rule reads.</li>
 *   <li><b>A {@code domain} schema written from Java.</b> The state list, the order rule violations and the
 *       customer segments come from the domain model, so each rule exists once; marts read them like any
 *       table.</li>
 * </ul>
 */
package org.olistdw.analytics.duckdb;
