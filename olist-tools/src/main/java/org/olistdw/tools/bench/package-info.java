/**
 * {@code olist bench}: the whole system measured at one or more scales. {@link org.olistdw.tools.bench.BenchCommand}
 * runs the pipeline as a process of its own with {@link org.olistdw.tools.bench.RunMetrics} ({@code run --metrics}),
 * the bare engine's baseline, and the dashboard queries ({@link org.olistdw.tools.bench.DashboardQueries}) on the
 * published warehouse and on a PostgreSQL copy of its star schema ({@link org.olistdw.tools.bench.PostgresStar}),
 * timed by {@link org.olistdw.tools.bench.QueryTimer}; the figures ({@link org.olistdw.tools.bench.BenchFigures})
 * go to the console, {@code bench.json} and the generated section of the performance page.
 */
package org.olistdw.tools.bench;
