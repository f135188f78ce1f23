package org.olistdw.domain.security;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What someone asks to do, for {@link AccessPolicy#decide}: a permission and, for read-only SQL, the warehouse
 * schemas the statement reads.
 *
 * @param permission what is asked
 * @param schemas    for {@link Permission#RUN_READ_ONLY_SQL}, the schemas read (at least one, lower-cased);
 *                   empty for any other permission
 */
public record AccessRequest(Permission permission, Set<String> schemas) {

    public AccessRequest {
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(schemas, "schemas");
        Set<String> lower = new TreeSet<>();
        for (String schema : schemas) {
            if (schema == null || schema.isBlank()) {
                throw new IllegalArgumentException("a schema of an access request must not be blank");
            }
            lower.add(schema.toLowerCase(Locale.ROOT));
        }
        if (permission == Permission.RUN_READ_ONLY_SQL && lower.isEmpty()) {
            throw new IllegalArgumentException("a request to run SQL must name the schemas it reads");
        }
        if (permission != Permission.RUN_READ_ONLY_SQL && !lower.isEmpty()) {
            throw new IllegalArgumentException("only a request to run SQL names schemas, not " + permission);
        }
        schemas = Set.copyOf(lower);
    }

    /** A request for {@code permission}, which must not be {@link Permission#RUN_READ_ONLY_SQL}. */
    public static AccessRequest to(Permission permission) {
        return new AccessRequest(permission, Set.of());
    }

    /** A request to run a read-only statement that reads {@code schemas}. */
    public static AccessRequest sql(Set<String> schemas) {
        return new AccessRequest(Permission.RUN_READ_ONLY_SQL, schemas);
    }
}
