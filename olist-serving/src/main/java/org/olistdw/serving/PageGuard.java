package org.olistdw.serving;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one place where every request is admitted or refused before anything is read: log-in and the
 * authorization of each page, as an implementation of this interface given to {@link DashboardServer#start}
 * ({@link DashboardServer#startWithLogIn} uses its own). {@link #OPEN} admits everything. A {@code 401} refusal of a
 * page (not of its JSON figures) is answered with a redirect to the log-in page.
 */
@FunctionalInterface
public interface PageGuard {

    /** Admits every request. */
    PageGuard OPEN = request -> Optional.empty();

    /**
     * Decides on one request before it is served.
     *
     * @return empty to serve the request, or the refusal to answer with instead
     */
    Optional<Refusal> admit(PageRequest request);

    /**
     * A request as the guard sees it.
     *
     * @param dashboard the dashboard asked for (its page or its figures); empty for the index and the assets
     * @param method    the HTTP method
     * @param path      the request path
     * @param headers   the request's headers by name (case-insensitive); null for a header not sent
     * @param form      the fields of a posted form by name; null for a field not sent
     */
    record PageRequest(Optional<Dashboard> dashboard, String method, String path, Function<String, String> headers,
                       Function<String, String> form) {
        public PageRequest {
            Objects.requireNonNull(dashboard, "dashboard");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(headers, "headers");
            Objects.requireNonNull(form, "form");
        }
    }

    /**
     * A refused request: the status to answer with (401, 403...) and the reason shown.
     *
     * @param status an HTTP status code of the 4xx range
     * @param reason one line, shown as the body
     */
    record Refusal(int status, String reason) {
        public Refusal {
            if (status < 400 || status > 499) {
                throw new IllegalArgumentException("a refusal's status must be 4xx, was " + status);
            }
            Objects.requireNonNull(reason, "reason");
        }
    }
}
