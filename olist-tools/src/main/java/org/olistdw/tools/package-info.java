/**
 * The {@code olist} distribution ({@code bin/olist}): {@link org.olistdw.tools.Main} offers the runner's
 * commands with the tools, {@code generate} (the sample generator of {@code olist-sample}) and {@code bench}
 * ({@link org.olistdw.tools.bench}). Nothing depends on this module; it may use the runner and the adapters.
 */
package org.olistdw.tools;
