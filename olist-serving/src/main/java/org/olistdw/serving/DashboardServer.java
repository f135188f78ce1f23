package org.olistdw.serving;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.olistdw.domain.security.OperationalReads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboards as a web application over the published warehouse: the serving adapter's entry point.
 *
 * <p>{@code /} lists the six {@link Dashboard}s; {@code /<slug>} is a dashboard's page (HTML rendered here)
 * and {@code /api/<slug>} its figures as JSON, which the page's charts read; {@code /assets/...} are the
 * stylesheet, the script and the chart library, served from the jar. Filters are query parameters, validated
 * ({@code 400} with the reason otherwise) and bound to the SQL as parameters.
 *
 * <p>The warehouse is opened read-only and reopened when a publish or a rollback has replaced the file (checked
 * on every request), so a new version is served without a restart. Without a published warehouse the
 * dashboards answer {@code 503} until one appears.
 *
 * <p>Every request passes the {@link PageGuard} before anything is read: the one place for log-in and
 * per-page authorization.
 *
 * <p>With log-in, the pages of the operational store are served too ({@link Operations}): {@code /runs} to those who
 * may see the runs, and {@code /admin/users}, {@code /admin/rules} and {@code /admin/audit} to admins.
 */
public final class DashboardServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);
    private static final String JSON = "application/json";

    private final Javalin app;
    private final ServedWarehouse warehouse;
    /** Null when the dashboards are served without log-in. */
    private final Login login;
    private final ObjectMapper json = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private DashboardServer(Path publishedWarehouse, PageGuard guard, Login login) {
        this.warehouse = new ServedWarehouse(publishedWarehouse, login == null ? null : login.pseudonymiser());
        this.login = login;
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
            });
            config.routes.before(ctx -> admit(guard, ctx));
            if (login != null) {
                config.routes.get("/login", login::form);
                config.routes.post("/login", login::logIn);
                config.routes.post("/logout", login::logOut);
                config.routes.get("/sql", login::sqlForm);
                config.routes.post("/sql", ctx -> login.runSql(ctx, warehouse));
                Operations operations = new Operations(login.security(), login);
                config.routes.get(Operations.RUNS, operations::runs);
                config.routes.get(Operations.USERS, operations::users);
                config.routes.post(Operations.USERS + "/add", operations::addUser);
                config.routes.post(Operations.USERS + "/disable", operations::disableUser);
                config.routes.post(Operations.USERS + "/grant", operations::grant);
                config.routes.post(Operations.USERS + "/revoke", operations::revoke);
                config.routes.get(Operations.RULES, operations::rules);
                config.routes.post(Operations.RULES + "/active", operations::setActive);
                config.routes.post(Operations.RULES + "/threshold", operations::setThreshold);
                config.routes.get(Operations.AUDIT, operations::audit);
            }
            config.routes.get("/", ctx -> ctx.html(Pages.index(viewer(ctx))));
            config.routes.get("/api/{dashboard}", ctx -> {
                Report report = report(ctx).report();
                ctx.contentType(JSON).result(json(report));
                viewed(ctx, report, "json");
            });
            config.routes.get("/{dashboard}", ctx -> {
                Read read = report(ctx);
                ctx.html(Pages.page(read.report(), read.categories(), viewer(ctx)));
                viewed(ctx, read.report(), "html");
            });
            config.routes.exception(Filters.InvalidFilter.class, (e, ctx) -> refuse(ctx, 400, e.getMessage()));
            config.routes.exception(OperationalReads.Refused.class, (e, ctx) -> {
                LOG.warn("operational store refused a read of {}: {}", ctx.path(), e.getMessage());
                refuse(ctx, 403, e.getMessage());
            });
            config.routes.exception(ServedWarehouse.WarehouseUnavailable.class,
                    (e, ctx) -> refuse(ctx, 503, e.getMessage()));
            config.routes.exception(IllegalStateException.class, (e, ctx) -> {
                LOG.error("dashboard request {} failed", ctx.path(), e);
                refuse(ctx, 500, e.getMessage());
            });
        });
    }

    /**
     * Starts serving the warehouse published at {@code publishedWarehouse} (which need not exist yet).
     *
     * @param bind  the address to listen on, e.g. {@code 127.0.0.1}
     * @param port  the port, 0 for any free one
     * @param guard admits or refuses each request before it is served
     */
    public static DashboardServer start(Path publishedWarehouse, String bind, int port, PageGuard guard) {
        Objects.requireNonNull(publishedWarehouse, "publishedWarehouse");
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(guard, "guard");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        DashboardServer server = new DashboardServer(publishedWarehouse, guard, null);
        server.app.start(bind, port);
        return server;
    }

    /**
     * Starts serving the warehouse published at {@code publishedWarehouse} to people who log in: every page and
     * every figure requires a session, started at {@code /login} with a password the {@link ServingSecurity#users}
     * verify; each dashboard is shown to those {@code AccessPolicy} allows, and the SQL page ({@code /sql}) to those
     * it allows to read the marts by SQL. Log-ins, log-outs, dashboard views and SQL statements are recorded in the
     * {@link ServingSecurity#auditLog}.
     *
     * @param bind the address to listen on, e.g. {@code 127.0.0.1}
     * @param port the port, 0 for any free one
     */
    public static DashboardServer startWithLogIn(Path publishedWarehouse, String bind, int port,
                                                 ServingSecurity security) {
        Objects.requireNonNull(publishedWarehouse, "publishedWarehouse");
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(security, "security");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        Login login = new Login(security, Clock.systemUTC());
        DashboardServer server = new DashboardServer(publishedWarehouse, login, login);
        server.app.start(bind, port);
        return server;
    }

    /** The port listened on. */
    public int port() {
        return app.port();
    }

    /** The published warehouse file served. */
    public Path warehouse() {
        return warehouse.file();
    }

    /** The address of the index page on {@code host}. */
    public URI address(String host) {
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/");
    }

    /** Waits until the server stops, e.g. on an interrupt. */
    public void awaitStop() throws InterruptedException {
        app.jettyServer().server().join();
    }

    /** Stops serving and closes the warehouse. */
    @Override
    public void close() {
        app.stop();
        warehouse.close();
    }

    /** The warehouse read of one request, for tests of the adapter. */
    ServedWarehouse served() {
        return warehouse;
    }

    private record Read(Report report, List<String> categories) {
    }

    private Read report(Context ctx) {
        Dashboard dashboard = dashboard(ctx.pathParam("dashboard"))
                .orElseThrow(() -> new HttpResponseException(404, "no dashboard '" + ctx.pathParam("dashboard")
                        + "'", Map.of()));
        Read read = warehouse.read(connection -> {
            List<String> categories = dashboard.filters().contains(Dashboard.Filter.CATEGORY)
                    ? DashboardQueries.categories(connection) : List.of();
            Map<String, List<String>> parameters = new LinkedHashMap<>(ctx.queryParamMap());
            if (login != null) {
                parameters.remove(Login.REVEAL);
            }
            Filters filters = Filters.parse(dashboard, parameters, categories::contains);
            return new Read(DashboardQueries.report(dashboard, filters, connection, warehouse.file().toString()),
                    categories);
        });
        return login == null ? read : new Read(login.shown(ctx, read.report()), read.categories());
    }

    private Pages.Viewer viewer(Context ctx) {
        return login == null ? null : login.viewer(ctx);
    }

    private void viewed(Context ctx, Report report, String format) {
        if (login != null) {
            login.viewed(ctx, report.dashboard(), report.filters().asParameters(), format);
        }
    }

    private static void admit(PageGuard guard, Context ctx) {
        String path = ctx.path();
        String slug = path.startsWith("/api/") ? path.substring("/api/".length()) : path.substring(1);
        boolean posted = ctx.method().name().equals("POST");
        PageGuard.PageRequest request = new PageGuard.PageRequest(dashboard(slug), ctx.method().name(), path,
                ctx::header, name -> posted ? ctx.formParam(name) : null);
        Optional<PageGuard.Refusal> refusal = guard.admit(request);
        if (refusal.isPresent()) {
            if (refusal.get().status() == 401 && !path.startsWith("/api/")) {
                ctx.redirect("/login");
                ctx.skipRemainingHandlers();
                return;
            }
            throw new HttpResponseException(refusal.get().status(), refusal.get().reason(), Map.of());
        }
    }

    private static Optional<Dashboard> dashboard(String slug) {
        return Dashboard.ofSlug(slug);
    }

    private static void refuse(Context ctx, int status, String reason) {
        ctx.status(status);
        if (ctx.path().startsWith("/api/")) {
            ctx.contentType(JSON).result("{\"error\":" + quoted(reason) + "}");
        } else {
            ctx.contentType("text/plain; charset=utf-8").result(reason + "\n");
        }
    }

    private static String quoted(String text) {
        try {
            return new ObjectMapper().writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String json(Report report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dashboard", report.dashboard().slug());
        body.put("title", report.dashboard().title());
        body.put("warehouse", report.warehouse());
        body.put("filters", report.filters().asParameters());
        body.put("kpis", report.kpis());
        Map<String, Object> tables = new LinkedHashMap<>();
        report.tables().forEach((name, table) -> {
            Map<String, Object> described = new LinkedHashMap<>();
            described.put("title", table.title());
            described.put("columns", table.columns());
            described.put("rows", table.rows());
            tables.put(name, described);
        });
        body.put("tables", tables);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the figures of " + report.dashboard().slug() + " as JSON", e);
        }
    }
}
