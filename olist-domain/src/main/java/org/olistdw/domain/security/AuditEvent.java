package org.olistdw.domain.security;

/**
 * The actions the audit trail records, each under a dotted action name ({@link #action()}), the trail's
 * vocabulary: an entry of the trail is one of these, done or refused ({@link AuditEntry#succeeded()}).
 */
public enum AuditEvent {

    /** Someone logged in; a refused login is {@link #LOGIN_FAILURE}. */
    LOGIN_SUCCESS("auth.login"),
    /** A login was refused: unknown user, wrong password, or a disabled user. */
    LOGIN_FAILURE("auth.login_failed"),
    /** Someone logged out. */
    LOGOUT("auth.logout"),
    /** A dashboard was shown. */
    DASHBOARD_VIEW("dashboard.view"),
    /** A read-only SQL statement was run. */
    SQL_RUN("sql.run"),
    /** A SQL statement was refused by {@link AccessPolicy} or as not read-only. */
    SQL_REFUSED("sql.refused"),
    /** Personal data was shown in clear. */
    PERSONAL_DATA_REVEAL("personal_data.reveal"),
    /** A page or an action was refused to a logged-in user by {@link AccessPolicy}. */
    ACCESS_REFUSED("access.refused"),
    /** A user was created. */
    USER_CREATED("user.create"),
    /** A user was disabled. */
    USER_DISABLED("user.disable"),
    /** A user was granted a role. */
    ROLE_GRANTED("user.grant"),
    /** A role was taken from a user. */
    ROLE_REVOKED("user.revoke"),
    /** A quality rule was switched on or off, or its threshold changed. */
    QUALITY_RULE_EDIT("quality_rule.edit"),
    /** A pipeline run. */
    RUN("pipeline.run"),
    /** A kept warehouse version was published again. */
    ROLLBACK("warehouse.rollback");

    private final String action;

    AuditEvent(String action) {
        this.action = action;
    }

    /** The action name as stored in the trail, e.g. {@code user.grant}. */
    public String action() {
        return action;
    }
}
