package org.olistdw.serving;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.olistdw.domain.shared.BrazilianState;

/**
 * The dashboards' HTML, rendered on the server: navigation, the filter form, the key figures, a canvas per
 * chart (drawn by {@code /assets/dashboards.js} from the dashboard's JSON) and the tables. Numbers are written
 * as the warehouse gave them; every text is escaped.
 */
final class Pages {

    /** A chart of one table's column against another, drawn in the browser from the JSON. */
    record Chart(String title, String table, String type, String x, String y) {
    }

    /**
     * Who is logged in, for the navigation: their name, their session's CSRF token (for the log-out form and the
     * other forms), whether the SQL page is theirs, whether they may ask for personal data in clear, and which of
     * the runs, users, quality rules and audit pages they may open. Null when the dashboards are served without
     * log-in.
     */
    record Viewer(String username, String csrf, boolean maySql, boolean mayReveal, boolean mayRuns,
                  boolean mayUsers, boolean mayRules, boolean mayAudit) {
    }

    private Pages() {
    }

    static List<Chart> charts(Dashboard dashboard) {
        return switch (dashboard) {
            case EXECUTIVE -> List.of(
                    new Chart("Revenue by month (BRL)", "months", "bar", "month", "revenue"),
                    new Chart("Orders by month", "months", "line", "month", "orders"),
                    new Chart("Average order value by month (BRL)", "months", "line", "month", "average_order_value"));
            case CUSTOMERS -> List.of(
                    new Chart("People by RFM segment", "segments", "bar", "rfm_segment", "customers"),
                    new Chart("Cohort size by first month", "cohorts", "bar", "cohort_month", "cohort_customers"),
                    new Chart("Retention one month after the first order", "cohorts", "line", "cohort_month",
                            "retention_month_1"));
            case PRODUCTS -> List.of(
                    new Chart("GMV by category (BRL)", "categories", "bar", "category_english", "gross_merchandise_value"),
                    new Chart("GMV by month (BRL)", "months", "line", "purchase_month", "gross_merchandise_value"),
                    new Chart("Orders by review score", "reviews", "bar", "review_score", "category_orders"));
            case SELLERS -> List.of(
                    new Chart("GMV of the top sellers (BRL)", "sellers", "bar", "seller_id", "gross_merchandise_value"));
            case DELIVERY -> List.of(
                    new Chart("On-time share by month", "months", "line", "purchase_month", "on_time_rate"),
                    new Chart("Late orders by month", "months", "bar", "purchase_month", "late_orders"),
                    new Chart("90th percentile of delivery days by state", "states", "bar", "state", "p90_delivery_days"));
            case GEOGRAPHY -> List.of(
                    new Chart("Revenue by state (BRL)", "states", "bar", "state", "revenue"));
        };
    }

    static String index(Viewer viewer) {
        StringBuilder html = head("Dashboards", null, viewer);
        html.append("<main><h1>Dashboards</h1><ul class=\"index\">");
        for (Dashboard dashboard : Dashboard.values()) {
            html.append("<li><a href=\"/").append(dashboard.slug()).append("\">").append(escape(dashboard.title()))
                    .append("</a></li>");
        }
        return html.append("</ul></main></body></html>").toString();
    }

    static String page(Report report, List<String> categories, Viewer viewer) {
        Dashboard dashboard = report.dashboard();
        StringBuilder html = head(dashboard.title(), dashboard, viewer);
        html.append("<main data-dashboard=\"").append(dashboard.slug()).append("\">");
        html.append("<h1>").append(escape(dashboard.title())).append("</h1>");
        html.append("<p class=\"source\">Warehouse <code>").append(escape(report.warehouse())).append("</code></p>");
        filterForm(html, dashboard, report.filters(), categories);
        html.append("<section class=\"kpis\">");
        for (Map.Entry<String, Object> kpi : report.kpis().entrySet()) {
            html.append("<div class=\"kpi\"><div class=\"label\">").append(escape(label(kpi.getKey())))
                    .append("</div><div class=\"value\" data-kpi=\"").append(escape(kpi.getKey())).append("\">")
                    .append(escape(text(kpi.getValue()))).append("</div></div>");
        }
        html.append("</section><section class=\"charts\">");
        for (Chart chart : charts(dashboard)) {
            html.append("<figure><figcaption>").append(escape(chart.title())).append("</figcaption><canvas")
                    .append(" data-table=\"").append(escape(chart.table())).append('"')
                    .append(" data-type=\"").append(escape(chart.type())).append('"')
                    .append(" data-x=\"").append(escape(chart.x())).append('"')
                    .append(" data-y=\"").append(escape(chart.y())).append('"')
                    .append(" data-label=\"").append(escape(label(chart.y()))).append("\"></canvas></figure>");
        }
        html.append("</section>");
        for (Map.Entry<String, Report.Table> table : report.tables().entrySet()) {
            table(html, table.getKey(), table.getValue(), dashboard == Dashboard.GEOGRAPHY ? "revenue" : null);
        }
        return html.append("</main><script src=\"/assets/vendor/chart.js/chart.umd.min.js\"></script>")
                .append("<script src=\"/assets/dashboards.js\"></script></body></html>").toString();
    }

    static StringBuilder head(String title, Dashboard current, Viewer viewer) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(title)).append(" · olist</title>")
                .append("<link rel=\"stylesheet\" href=\"/assets/dashboards.css\"></head><body><nav>")
                .append("<a class=\"home\" href=\"/\">olist</a>");
        for (Dashboard dashboard : Dashboard.values()) {
            html.append("<a href=\"/").append(dashboard.slug()).append('"')
                    .append(dashboard == current ? " class=\"current\"" : "").append('>')
                    .append(escape(dashboard.title())).append("</a>");
        }
        if (viewer != null) {
            if (viewer.maySql()) {
                html.append("<a href=\"/sql\"").append(current == null && title.equals("SQL") ? " class=\"current\"" : "")
                        .append(">SQL</a>");
            }
            link(html, viewer.mayRuns(), Operations.RUNS, "Runs", title);
            link(html, viewer.mayUsers(), Operations.USERS, "Users", title);
            link(html, viewer.mayRules(), Operations.RULES, "Quality rules", title);
            link(html, viewer.mayAudit(), Operations.AUDIT, "Audit", title);
            html.append("<form class=\"logout\" method=\"post\" action=\"/logout\">");
            csrf(html, viewer.csrf());
            html.append("<span class=\"user\">").append(escape(viewer.username()))
                    .append("</span> <button type=\"submit\">Log out</button></form>");
        }
        return html.append("</nav>");
    }

    private static void link(StringBuilder html, boolean shown, String path, String label, String title) {
        if (shown) {
            html.append("<a href=\"").append(path).append('"').append(title.equals(label) ? " class=\"current\"" : "")
                    .append('>').append(escape(label)).append("</a>");
        }
    }

    static void csrf(StringBuilder html, String token) {
        html.append("<input type=\"hidden\" name=\"").append(Login.CSRF_FIELD).append("\" value=\"")
                .append(escape(token)).append("\">");
    }

    /** The log-in form, with the CSRF token of the session before log-in and, after a refusal, why. */
    static String login(String csrf, String message) {
        StringBuilder html = new StringBuilder(2_048);
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Log in · olist</title><link rel=\"stylesheet\" href=\"/assets/dashboards.css\">")
                .append("</head><body><main class=\"login\"><h1>Log in</h1>");
        if (message != null) {
            html.append("<p class=\"refused\">").append(escape(message)).append("</p>");
        }
        html.append("<form method=\"post\" action=\"/login\">");
        csrf(html, csrf);
        html.append("<label>Username <input name=\"username\" autocomplete=\"username\" required></label>")
                .append("<label>Password <input type=\"password\" name=\"password\" autocomplete=\"current-password\"")
                .append(" required></label><button type=\"submit\">Log in</button></form></main></body></html>");
        return html.toString();
    }

    /** The SQL page: the form, and the result of the statement run or the reason it was refused. */
    static String sql(Viewer viewer, String sql, boolean reveal, SqlConsole.Result result, String refusal, int rowLimit,
                      java.time.Duration timeLimit) {
        StringBuilder html = head("SQL", null, viewer);
        html.append("<main class=\"sql\"><h1>SQL</h1><p>One read-only <code>select</code> over the schemas ")
                .append("<code>mart</code> and <code>core</code>; at most ").append(rowLimit).append(" rows and ")
                .append(timeLimit.toSeconds()).append(" s. Every statement is recorded in the audit trail; customer ids, zip code prefixes and ")
                .append("cities are shown as pseudonyms.</p>")
                .append("<form method=\"post\" action=\"/sql\">");
        csrf(html, viewer.csrf());
        html.append("<textarea name=\"sql\" rows=\"8\" cols=\"100\">").append(escape(sql))
                .append("</textarea><br>");
        if (viewer.mayReveal()) {
            html.append("<label><input type=\"checkbox\" name=\"").append(Login.REVEAL).append("\" value=\"true\"")
                    .append(reveal ? " checked" : "").append("> show personal data in clear (recorded)</label> ");
        }
        html.append("<button type=\"submit\">Run</button></form>");
        if (refusal != null) {
            html.append("<p class=\"refused\">").append(escape(refusal)).append("</p>");
        }
        if (result != null) {
            html.append("<p class=\"source\">").append(result.rows().size()).append(" rows")
                    .append(result.truncated() ? " (more not shown)" : "").append(" in ").append(result.millis())
                    .append(" ms</p><table data-table=\"result\"><thead><tr>");
            for (String column : result.columns()) {
                html.append("<th>").append(escape(column)).append("</th>");
            }
            html.append("</tr></thead><tbody>");
            for (List<Object> row : result.rows()) {
                html.append("<tr>");
                for (Object value : row) {
                    html.append(value instanceof Number ? "<td class=\"number\">" : "<td>").append(escape(text(value)))
                            .append("</td>");
                }
                html.append("</tr>");
            }
            html.append("</tbody></table>");
        }
        return html.append("</main></body></html>").toString();
    }

    private static void filterForm(StringBuilder html, Dashboard dashboard, Filters filters, List<String> categories) {
        Map<String, String> chosen = filters.asParameters();
        html.append("<form class=\"filters\" method=\"get\">");
        for (Dashboard.Filter filter : dashboard.filters()) {
            String name = filter.parameter();
            String value = chosen.getOrDefault(name, "");
            html.append("<label>").append(escape(label(name))).append(' ');
            switch (filter) {
                case FROM, TO -> html.append("<input type=\"month\" name=\"").append(name).append("\" value=\"")
                        .append(escape(value)).append("\">");
                case STATE -> select(html, name, value,
                        Arrays.stream(BrazilianState.values()).map(BrazilianState::code).toList());
                case CATEGORY -> select(html, name, value, categories);
                default -> throw new IllegalArgumentException("no input for " + filter);
            }
            html.append("</label>");
        }
        html.append("<button type=\"submit\">Apply</button> <a href=\"/").append(dashboard.slug())
                .append("\">Clear</a></form>");
    }

    private static void select(StringBuilder html, String name, String value, List<String> options) {
        html.append("<select name=\"").append(name).append("\"><option value=\"\">all</option>");
        for (String option : options) {
            html.append("<option").append(option.equals(value) ? " selected" : "").append(" value=\"")
                    .append(escape(option)).append("\">").append(escape(option)).append("</option>");
        }
        html.append("</select>");
    }

    private static void table(StringBuilder html, String name, Report.Table table, String barColumn) {
        html.append("<section class=\"table\"><h2>").append(escape(table.title())).append("</h2>");
        if (table.rows().isEmpty()) {
            html.append("<p class=\"empty\">No rows for these filters.</p></section>");
            return;
        }
        BigDecimal largest = BigDecimal.ZERO;
        if (barColumn != null) {
            for (Map<String, Object> row : table.rows()) {
                if (row.get(barColumn) instanceof BigDecimal amount && amount.compareTo(largest) > 0) {
                    largest = amount;
                }
            }
        }
        html.append("<table data-table=\"").append(escape(name)).append("\"><thead><tr>");
        for (String column : table.columns()) {
            html.append("<th>").append(escape(label(column))).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (Map<String, Object> row : table.rows()) {
            html.append("<tr>");
            for (String column : table.columns()) {
                Object value = row.get(column);
                html.append(value instanceof Number ? "<td class=\"number\">" : "<td>").append(escape(text(value)));
                if (column.equals(barColumn) && value instanceof BigDecimal amount && largest.signum() > 0) {
                    long percent = Math.round(amount.doubleValue() * 100 / largest.doubleValue());
                    html.append("<span class=\"bar\" style=\"width:").append(percent).append("%\"></span>");
                }
                html.append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table></section>");
    }

    /** A value as written on the page: exact decimals, empty for null. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }

    /** A column or filter name as a heading: {@code on_time_rate} → {@code on time rate}. */
    static String label(String name) {
        return name.replace('_', ' ');
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
