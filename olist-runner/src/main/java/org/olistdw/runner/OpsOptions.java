package org.olistdw.runner;

import picocli.CommandLine.Option;

/**
 * Where the operational store is: an external PostgreSQL 15+ when a URL is given, else the embedded one. A
 * picocli mixin for every command that reaches the store; {@link OpsServer#connect} connects what it names.
 */
public final class OpsOptions {

    @Option(names = "--ops-url", paramLabel = "JDBC_URL", defaultValue = "${env:OLIST_OPS_URL}",
            description = "JDBC URL of an external PostgreSQL 15+, e.g. jdbc:postgresql://db:5432/olist "
                    + "(default: $OLIST_OPS_URL; without it an embedded PostgreSQL runs from <work-dir>/postgres).")
    String url;

    @Option(names = "--ops-user", paramLabel = "USER", defaultValue = "${env:OLIST_OPS_USER}",
            description = "User for --ops-url (default: $OLIST_OPS_USER, else the URL's user=, else postgres).")
    String user;

    @Option(names = "--ops-password", paramLabel = "PASSWORD", defaultValue = "${env:OLIST_OPS_PASSWORD}",
            description = "Password for --ops-url (default: $OLIST_OPS_PASSWORD, else the URL's password=).")
    String password;
}
