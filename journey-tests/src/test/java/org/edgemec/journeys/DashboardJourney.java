package org.edgemec.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web dashboard of relocation-service in a real browser (Debian's headless chromium through chromedriver): the
 * HTTP counter runs on edge1, a client sends requests through edge1's edge proxy, the counter is relocated to edge2
 * with TRAFFIC_RULE steering; the page shows the instance on its host, the client at the proxy, the relocation with
 * its five steps, and the proxy's transactions in the plot. The screenshot is kept in target/dashboard.png.
 */
@ExtendWith(JourneyReport.class)
class DashboardJourney {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final Packages.Package COUNTER = Packages.of("counter-http", "localhost/edgemec/counter-http:latest", RUN);
    /** edge1's edge proxy, plain HTTP listener (the mec script's EDGEMEC_PROXY_HTTP_PORT for edge1). */
    static final String EDGE1_PROXY_HTTP = "http://127.0.0.1:" + Stack.EDGE1_PROXY_HTTP;
    static final Duration WAIT = Operator.WAIT;
    static final List<String> STEPS = List.of("PLAN", "ANNOUNCE", "MOVE_STATE", "STEER_TRAFFIC", "FINALIZE");

    static String id;
    static ChromeDriverService driverService;
    static WebDriver browser;
    static Path profile;

    @BeforeAll
    static void stackIsUpAndBrowserStarts() throws IOException {
        for (String url : List.of(Stack.RELOCATION, Stack.LCM, Stack.EDGE1, Stack.EDGE2)) {
            Http.get(url + "/q/health/ready", null).expect(200);
        }
        // the driver named explicitly: Selenium Manager would try to download one
        driverService = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build();
        profile = Files.createTempDirectory("edgemec-dashboard-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1400,1500",
                "--user-data-dir=" + profile);
        browser = new ChromeDriver(driverService, options);
    }

    @AfterAll
    static void cleanUp() {
        if (browser != null) {
            browser.quit();
        }
        if (driverService != null) {
            driverService.stop();
        }
        Operator.removeInstance(id);
        Operator.removePackage(COUNTER.appDId());
    }

    @Test
    void theDashboardShowsTheRelocationWithItsStepsAndTheProxysTransactionsLive() throws Exception {
        Operator.onboardV3(COUNTER);
        id = Operator.createInstance(COUNTER.appDId(), COUNTER.appDId());
        Operator.instantiate(id, "edge1", "COMPLETED");

        browser.get(Stack.RELOCATION + "/dashboard/?token=" + Stack.OPERATOR.substring("Bearer ".length()));
        await("the counter on edge1's card", () -> !browser.findElements(By.cssSelector(
                "[data-host='edge1'] [data-app-instance-id='" + id + "']")).isEmpty());

        String cookie = login();
        await("the client at edge1's proxy", () -> !browser.findElements(By.cssSelector(
                "[data-host='edge1'] [data-client-id='" + Stack.PROXY_CLIENT + "']")).isEmpty());
        int before = points();
        for (int i = 0; i < 10; i++) {
            assertEquals("200", getThroughProxy(cookie), "a request through edge1's proxy");
        }
        await("10 more points in the plot", () -> points() >= before + 10);

        // a client that goes on sending during the move: its held (slow) or failed requests are what the plot is for
        java.util.concurrent.atomic.AtomicBoolean moving = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<String> during = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread client = new Thread(() -> {
            while (moving.get()) {
                during.add(getThroughProxy(cookie));
            }
        }, "dashboard-client");
        client.start();
        String relocation;
        try {
            relocation = relocateByTrafficRule();
        } finally {
            moving.set(false);
            client.join(15_000);
        }
        System.out.println("[dashboard] during the relocation: " + during.size() + " requests, "
                + during.stream().filter(c -> !"200".equals(c)).count() + " not 200");
        for (int i = 0; i < 10; i++) {
            assertEquals("200", getThroughProxy(cookie), "edge1's proxy forwards to the counter on edge2");
        }
        await("the relocation COMPLETED in the timeline", () -> "COMPLETED".equals(row(relocation)
                .getAttribute("data-state")));
        List<List<String>> bars = bars(relocation);
        assertEquals(STEPS, bars.stream().map(b -> b.get(0)).toList(), bars.toString());
        for (List<String> bar : bars) {
            assertEquals("DONE", bar.get(1), bar.toString());
            assertTrue(Long.parseLong(bar.get(2)) >= 0, bar.toString());
        }
        await("the counter on edge2's card", () -> !browser.findElements(By.cssSelector(
                "[data-host='edge2'] [data-app-instance-id='" + id + "']")).isEmpty());
        await("the requests after the relocation in the plot", () -> points() >= before + 20);
        System.out.println("[dashboard] plot points " + points() + ", failures "
                + browser.findElement(By.id("plot")).getAttribute("data-failures") + ", relocation steps "
                + bars.stream().map(b -> b.get(3)).toList());

        Path shot = Path.of("target", "dashboard.png");
        screenshot(shot);
        Journal.note("screenshot " + shot.toAbsolutePath());
    }

    /**
     * The step bars of a relocation's row as (name, state, duration ms, label), read in one go: the page redraws
     * every second, so element references do not outlive a snapshot.
     */
    @SuppressWarnings("unchecked")
    private static List<List<String>> bars(String relocationId) {
        return (List<List<String>>) ((ChromeDriver) browser).executeScript("return [...document.querySelectorAll("
                + "\"[data-relocation-id='\" + arguments[0] + \"'] [data-step-name]\")].map(b => [b.dataset.stepName, "
                + "b.dataset.state, b.dataset.durationMs, b.textContent]);", relocationId);
    }

    private static WebElement row(String relocationId) {
        return browser.findElement(By.cssSelector("[data-relocation-id='" + relocationId + "']"));
    }

    private static int points() {
        return Integer.parseInt(browser.findElement(By.id("plot")).getAttribute("data-points"));
    }

    /** Waits until the page shows {@code what}; else keeps what the page showed (target/dashboard-failed.*). */
    private static void await(String what, java.util.function.BooleanSupplier condition) throws IOException {
        try {
            new WebDriverWait(browser, WAIT).withMessage(what)
                    .ignoring(org.openqa.selenium.NoSuchElementException.class)
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(b -> condition.getAsBoolean());
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot(Path.of("target", "dashboard-failed.png"));
            Files.writeString(Path.of("target", "dashboard-failed.html"), browser.getPageSource());
            throw e;
        }
    }

    private static void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.copy(((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath(), file,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** Logs the proxy client in at edge1's proxy (plain HTTP listener); returns its session cookie. */
    private static String login() {
        String body = "{\"clientId\":\"" + Stack.PROXY_CLIENT + "\",\"secret\":\"" + Stack.PROXY_SECRET
                + "\",\"proxy\":\"edge1\"}";
        Cli.Result r = Operator.until(() -> Cli.run("curl", "-sS", "-i", "--max-time", "10", "-H", "Host: "
                        + COUNTER.dnsName(), "-H", "Content-Type: application/json", "-d", body,
                        EDGE1_PROXY_HTTP + "/edge_proxy/v1/login"),
                res -> res.exit() == 0 && res.out().startsWith("HTTP/1.1 200"), "login at edge1's proxy");
        return r.out().lines().filter(l -> l.toLowerCase().startsWith("set-cookie: edgemec_session="))
                .map(l -> l.substring("set-cookie: ".length(), l.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + r.out()));
    }

    /** One GET of the counter through edge1's proxy; returns the status. */
    private static String getThroughProxy(String cookie) {
        Cli.Result r = Cli.run("curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "10",
                "-H", "Host: " + COUNTER.dnsName(), "-H", "Cookie: " + cookie, EDGE1_PROXY_HTTP + "/");
        return r.out().strip();
    }

    /** Relocates the counter to edge2, edge1's proxy forwarding there; returns the relocation id once it ended. */
    private static String relocateByTrafficRule() {
        String location = Http.post(Stack.RELOCATION + "/relocation/v1/relocations", Stack.OPERATOR, Map.of(
                "appInstanceId", id, "targetHost", "edge2", "steering", "TRAFFIC_RULE")).expect(202)
                .header("Location").orElseThrow(() -> new AssertionError("no Location"));
        JsonNode r = Operator.until(() -> Http.get(location, Stack.OPERATOR).expect(200).json(),
                j -> List.of("COMPLETED", "FAILED", "CANCELLED").contains(j.path("state").asText()),
                "the relocation of " + id + " to edge2 ends");
        assertEquals("COMPLETED", r.path("state").asText(), r.toPrettyString());
        return r.path("relocationId").asText();
    }
}
