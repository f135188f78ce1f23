package org.olistdw.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.domain.security.Email;
import org.olistdw.domain.security.Password;
import org.olistdw.domain.security.Pseudonymiser;
import org.olistdw.domain.security.Role;
import org.olistdw.domain.security.User;
import org.olistdw.domain.security.Username;
import org.olistdw.domain.security.Users;
import org.olistdw.ops.postgres.LocalPostgres;
import org.olistdw.ops.postgres.PostgresOps;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboards in a real browser: Debian's Chromium, headless, driven by its chromedriver through Selenium, over
 * the hand-made star fixture published as a run does and real users in an embedded PostgreSQL. Each page's key
 * figure is compared with a query of its own on the marts, each chart must have been drawn by Chart.js, and a
 * screenshot of each page is kept under {@code target/screenshots/}. Skipped when Chromium or chromedriver is not
 * installed ({@code .ci/run} installs both).
 */
class BrowserTest {

    @TempDir
    static Path directory;

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PASSWORD = "correct horse battery";
    private static final LocalDateTime T0 = LocalDateTime.of(2026, 12, 1, 9, 0);

    /** Each dashboard's key figure shown on the page, with the query of the marts that gives it. */
    private static final Map<String, String[]> KEY_FIGURES = new LinkedHashMap<>();

    static {
        KEY_FIGURES.put("executive", new String[] {"revenue", "select revenue from mart.mart_sales_totals"});
        KEY_FIGURES.put("customers", new String[] {"customers", "select customers from mart.mart_sales_totals"});
        KEY_FIGURES.put("products", new String[] {"gross_merchandise_value",
                "select gross_merchandise_value from mart.mart_sales_totals"});
        KEY_FIGURES.put("sellers", new String[] {"sellers", "select count(*) from mart.mart_seller_scorecard"});
        KEY_FIGURES.put("delivery", new String[] {"delivered_orders",
                "select sum(delivered_orders) from mart.mart_delivery_by_state"});
        KEY_FIGURES.put("geography", new String[] {"revenue",
                "select sum(revenue) from mart.mart_geographic_analysis where geo_level = 'state'"});
    }

    private static LocalPostgres postgres;
    private static PostgresOps ops;
    private static DashboardServer server;
    private static URI base;

    private WebDriver browser;

    @BeforeAll
    static void aWarehouseUsersAndTheServer() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests skipped: " + CHROMIUM + " or " + CHROMEDRIVER + " is not installed "
                        + "(apt-get install chromium chromium-driver; .ci/run installs them)");
        postgres = LocalPostgres.start(Path.of("target", "test-postgres", "serving").toAbsolutePath());
        String url = ServingStores.freshDatabase(postgres, "serving_browser");
        ops = PostgresOps.connect(url, postgres.user(), postgres.password());
        user(ops.users(), "ada.admin", "admin");
        user(ops.users(), "ana.analyst", "analyst");
        user(ops.users(), "vera.viewer", "viewer");

        Path published = directory.resolve("work/warehouse.duckdb");
        Warehouses.publish(published, Warehouses.starFixture(), 1);
        Pseudonymiser pseudonyms = new Pseudonymiser(
                "a key of thirty-two bytes or more, for the tests".getBytes(StandardCharsets.UTF_8));
        server = DashboardServer.startWithLogIn(published, "127.0.0.1", 0,
                ServingSecurity.of(ops.users(), ops.auditLog(), ops.operationalReads(), ops.qualityRules(),
                        Duration.ofMinutes(30), pseudonyms));
        base = server.address("127.0.0.1");
        Files.createDirectories(SCREENSHOTS);
    }

    private static void user(Users users, String name, String role) {
        User user = User.register(new Username(name), new Email(name + "@example.com"), null, T0);
        Role stored = users.roles().stream().filter(each -> each.name().equals(role)).findFirst().orElseThrow();
        user.grant(stored, T0);
        users.save(user);
        users.setPassword(new Username(name), new Password(PASSWORD.toCharArray()));
    }

    @AfterAll
    static void stop() {
        ServingStores.closeAll(server, ops, postgres);
    }

    @BeforeEach
    void headlessChromium() throws IOException {
        Path profiles = Files.createDirectories(Path.of("target", "chromium-profiles").toAbsolutePath());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1600",
                "--user-data-dir=" + Files.createTempDirectory(profiles, "profile-"));
        // the driver is named, so that Selenium Manager never looks for (or downloads) one
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void a_wrong_password_is_shown_then_every_dashboard_shows_the_marts_figure_and_a_chart_until_log_out()
            throws Exception {
        browser.get(base.resolve("/executive").toString());
        assertThat(browser.getCurrentUrl()).as("a page before log-in leads to the log-in").endsWith("/login");
        submitLogIn("ada.admin", "not the password at all");
        assertThat(bodyText()).contains("wrong username or password");
        assertThat(browser.findElement(By.cssSelector("p.refused")).getText()).contains("wrong username or password");
        screenshot("login-refused");
        submitLogIn("ada.admin", PASSWORD);
        assertThat(browser.getCurrentUrl()).as("log-in: %s", bodyText()).doesNotContain("/login");
        assertThat(browser.findElement(By.cssSelector("nav .user")).getText()).isEqualTo("ada.admin");

        for (Map.Entry<String, String[]> page : KEY_FIGURES.entrySet()) {
            String dashboard = page.getKey();
            browser.get(base.resolve("/" + dashboard).toString());
            assertThat(keyFigure(page.getValue()[0])).as("%s: %s", dashboard, page.getValue()[0])
                    .isEqualTo(single(page.getValue()[1]));
            assertChartsDrawn(dashboard);
            screenshot(dashboard);
        }

        browser.findElement(By.cssSelector("form.logout button")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlContains("/login"));
        browser.get(base.resolve("/executive").toString());
        assertThat(browser.getCurrentUrl()).as("after log-out").endsWith("/login");
    }

    @Test
    void a_state_and_a_period_chosen_in_the_forms_narrow_the_figures_to_the_marts_values() throws Exception {
        logIn("vera.viewer");
        browser.get(base.resolve("/sellers").toString());
        String all = keyFigure("sellers");
        assertThat(all).isEqualTo(single("select count(*) from mart.mart_seller_scorecard"));
        new Select(browser.findElement(By.cssSelector("form.filters select[name=state]"))).selectByValue("SP");
        apply();
        assertThat(browser.getCurrentUrl()).contains("state=SP");
        String sp = keyFigure("sellers");
        assertThat(sp).isEqualTo(single("select count(*) from mart.mart_seller_scorecard where seller_state = 'SP'"))
                .isNotEqualTo(all);
        assertChartsDrawn("sellers?state=SP");
        screenshot("sellers-sp");

        browser.get(base.resolve("/executive").toString());
        assertThat(keyFigure("revenue")).isEqualTo("6772.70");
        // a month input's keyboard entry depends on the browser's locale; its value does not
        for (String bound : List.of("from", "to")) {
            ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2017-11'",
                    browser.findElement(By.cssSelector("form.filters input[name=" + bound + "]")));
        }
        apply();
        assertThat(browser.getCurrentUrl()).contains("from=2017-11").contains("to=2017-11");
        assertThat(keyFigure("revenue")).isEqualTo(single("select revenue from mart.mart_executive_dashboard "
                + "where period_grain = 'month' and period_start = date '2017-11-01'")).isEqualTo("931.60");
        assertChartsDrawn("executive?from=2017-11&to=2017-11");
        screenshot("executive-2017-11");
    }

    @Test
    void an_analyst_runs_a_select_and_is_shown_why_another_is_refused() throws Exception {
        logIn("ana.analyst");
        browser.get(base.resolve("/sql").toString());
        String sql = "select state, revenue from mart.mart_geographic_analysis where geo_level = 'state' order by state";
        runSql(sql);
        List<WebElement> rows = browser.findElements(By.cssSelector("table[data-table=result] tbody tr"));
        assertThat(rows).hasSize(Integer.parseInt(single("select count(*) from (" + sql + ")")));
        assertThat(rows.get(0).findElements(By.tagName("td")).get(0).getText())
                .isEqualTo(single("select min(state) from mart.mart_geographic_analysis where geo_level = 'state'"));
        screenshot("sql-rows");

        runSql("select * from raw.orders");
        assertThat(browser.findElement(By.cssSelector("p.refused")).getText())
                .contains("schema raw is out of reach of the SQL page");
        assertThat(browser.findElements(By.cssSelector("table[data-table=result]"))).isEmpty();
        screenshot("sql-refused");
    }

    @Test
    void a_viewer_is_refused_the_sql_page() throws Exception {
        logIn("vera.viewer");
        assertThat(browser.findElements(By.cssSelector("nav a[href='/sql']"))).as("no link to the SQL page").isEmpty();
        browser.get(base.resolve("/sql").toString());
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("sql:read is not allowed to roles [viewer]");
        assertThat(browser.findElements(By.cssSelector("textarea[name=sql]"))).isEmpty();
        screenshot("sql-viewer-refused");
    }

    @Test
    void an_admin_sees_the_runs_page() throws Exception {
        logIn("ada.admin");
        browser.findElement(By.cssSelector("nav a[href='/runs']")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Runs");
        assertThat(browser.findElements(By.cssSelector("table[data-table=runs]"))).hasSize(1);
        screenshot("runs-admin");
    }

    private void logIn(String name) {
        browser.get(base.resolve("/login").toString());
        submitLogIn(name, PASSWORD);
        assertThat(browser.getCurrentUrl()).as("log-in of %s: %s", name, bodyText()).doesNotContain("/login");
    }

    private String bodyText() {
        return browser.findElement(By.tagName("body")).getText();
    }

    private void submitLogIn(String name, String password) {
        WebElement username = browser.findElement(By.name("username"));
        username.clear();
        username.sendKeys(name);
        browser.findElement(By.name("password")).sendKeys(password);
        submitAndWaitForTheNextPage("main.login form");
    }

    private void apply() {
        submitAndWaitForTheNextPage("form.filters");
    }

    private void runSql(String sql) {
        WebElement text = browser.findElement(By.name("sql"));
        text.clear();
        text.sendKeys(sql);
        submitAndWaitForTheNextPage("main.sql form");
    }

    /**
     * Submits a form and waits until the browser shows the page the server answered with. The old page is marked
     * first and the wait ends when a fully loaded document without the mark is current: asking an element of the
     * old page whether it went stale races with the navigation (ChromeDriver may answer "node does not belong to
     * the document" instead of "stale").
     */
    private void submitAndWaitForTheNextPage(String formSelector) {
        JavascriptExecutor script = (JavascriptExecutor) browser;
        script.executeScript("window.olistOldPage = true");
        browser.findElement(By.cssSelector(formSelector)).findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, WAIT).ignoring(WebDriverException.class)
                .withMessage("the page after submitting " + formSelector)
                .until(driver -> Boolean.TRUE.equals(script.executeScript(
                        "return window.olistOldPage === undefined && document.readyState === 'complete'")));
    }

    private String keyFigure(String kpi) {
        return browser.findElement(By.cssSelector("[data-kpi='" + kpi + "']")).getText();
    }

    /** Chart.js was loaded from the jar and drew a chart on every canvas of the page. */
    private void assertChartsDrawn(String page) {
        JavascriptExecutor script = (JavascriptExecutor) browser;
        assertThat(script.executeScript("return typeof Chart")).as("%s: Chart.js loaded", page).isEqualTo("function");
        Long canvases = (Long) script.executeScript("return document.querySelectorAll('canvas').length");
        assertThat(canvases).as("%s: canvases", page).isPositive();
        new WebDriverWait(browser, WAIT).withMessage(page + ": a chart on every canvas").until(driver ->
                canvases.equals(script.executeScript("return Array.from(document.querySelectorAll('canvas'))"
                        + ".filter(function (c) { return Chart.getChart(c) !== undefined && c.width > 0; }).length")));
    }

    private void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static String single(String sql) {
        return server.served().read(connection -> {
            try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
                result.next();
                Object value = result.getObject(1);
                return value instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value);
            }
        });
    }
}
