/**
 * Data quality: the rules a warehouse build is checked against, their severities, and the port to the
 * store where people edit them. A rule names a built-in kind of check (not null, unique, relationship,
 * reconciliation...) and its parameters; the analytical adapter turns it into a query that returns the
 * offending rows.
 */
package org.olistdw.domain.quality;
