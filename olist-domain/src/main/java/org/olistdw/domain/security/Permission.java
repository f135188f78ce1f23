package org.olistdw.domain.security;

/**
 * What an application role may do. Each permission has a code, {@code <resource>:<verb>}, which is also how the
 * operational store lists it in a role's {@code permissions} ({@code {"dashboards": "read"}}).
 */
public enum Permission {

    /** Open the dashboards, which read only the marts. */
    VIEW_DASHBOARDS("dashboards:read"),
    /** See the pipeline runs and the results of their quality checks. */
    VIEW_RUNS("runs:read"),
    /** Run read-only SQL on the warehouse, within the schemas the role's {@link ApplicationRole#maySqlRead} allows. */
    RUN_READ_ONLY_SQL("sql:read"),
    /** See personal data (customer ids, zip code prefixes, cities) in clear instead of pseudonymised. */
    REVEAL_PERSONAL_DATA("personal_data:reveal"),
    /** Create, disable, grant and revoke users. */
    MANAGE_USERS("users:write"),
    /** Switch quality rules on and off and change their thresholds. */
    EDIT_QUALITY_RULES("quality_rules:write"),
    /** Read the audit trail. */
    READ_AUDIT_LOG("audit:read");

    private final String code;

    Permission(String code) {
        this.code = code;
    }

    /** The permission's code, e.g. {@code dashboards:read}. */
    public String code() {
        return code;
    }
}
