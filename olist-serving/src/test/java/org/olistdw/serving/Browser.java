package org.olistdw.serving;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A client of the dashboards over HTTP that keeps the session cookie and the last CSRF token seen, and follows no
 * redirect.
 */
final class Browser {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final URI base;
    String session;
    String csrf;

    Browser(DashboardServer server) {
        this.base = server.address("127.0.0.1");
    }

    HttpResponse<String> get(String path) throws Exception {
        return remember(HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return remember(HTTP.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    HttpResponse<String> logIn(String username, String password) throws Exception {
        return post("/login", Map.of("username", username, "password", password, "csrf", csrf));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path));
        if (session != null) {
            builder.header("Cookie", Login.SESSION_COOKIE + "=" + session);
        }
        return builder;
    }

    private HttpResponse<String> remember(HttpResponse<String> response) {
        response.headers().allValues("set-cookie").forEach(cookie -> {
            String value = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
            session = value.isEmpty() ? null : value;
        });
        Matcher token = CSRF.matcher(response.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return response;
    }
}
