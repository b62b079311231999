package org.powexchange.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver (never downloaded: the paths
 * are set explicitly, so Selenium Manager has nothing to look up). A failing step saves a screenshot and
 * the page source under target/screenshots/ and says which page and what was missing.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMEDRIVER = Path.of(System.getProperty("pow.chromedriver", "/usr/bin/chromedriver"));
    static final Path CHROMIUM = Path.of(System.getProperty("pow.chromium", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Duration WAIT = Duration.ofSeconds(Long.getLong("pow.browser.wait", 20));
    /**
     * A screenshot of every step with {@code -Dpow.browser.screenshots=steps} (to see a scenario, or to take
     * pictures for the docs); by default only of a failing step and of the named pictures a test takes
     * ({@link #screenshot}): at about 0.2 s a step they were a fifth of the browser tests' time.
     */
    static final boolean EVERY_STEP = "steps".equals(System.getProperty("pow.browser.screenshots", "failures"));
    /** How often a step looks again (Selenium's default, 500 ms, made most steps wait half a second for nothing). */
    static final Duration POLL = Duration.ofMillis(50);

    /** Null when the browser can run here, else what to do to enable the browser tests. */
    static String unavailableReason() {
        if (Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM)) {
            return null;
        }
        return "browser tests skipped: " + CHROMIUM + " or " + CHROMEDRIVER + " not found. Enable them with "
                + "`apt-get install chromium chromium-driver` (Debian/Ubuntu; .ci/run does this), or point "
                + "-Dpow.chromium=... and -Dpow.chromedriver=... at a matching Chromium and chromedriver.";
    }

    private final WebDriver driver;
    private final Path userDataDir;
    private String prefix;
    private final String baseUrl;
    private int step;

    Browser(String baseUrl) {
        this.baseUrl = baseUrl;
        try {
            userDataDir = Files.createTempDirectory("pow-chromium-");
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1050", "--lang=en-GB",
                "--user-data-dir=" + userDataDir.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        long started = System.nanoTime();
        driver = new ChromeDriver(service, options);
        System.out.printf("browser started in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** Clicks like a user: scrolled to the middle of the view first, so no footer covers the element. */
    void click(WebElement e) {
        js("arguments[0].scrollIntoView({block: 'center'});", e);
        try {
            e.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
            pause(300);
            js("arguments[0].scrollIntoView({block: 'center'});", e);
            e.click();
        }
    }

    /**
     * Hands typed text to the form at once: form-js debounces typed input and passes it on when the
     * field loses focus, so a blur instead of waiting out the debounce.
     */
    void flush(WebElement input) {
        js("arguments[0].blur();", input);
    }

    /** Names the screenshots of the next scenario and numbers its steps from 1. */
    void scenario(String name) {
        prefix = name;
        step = 0;
    }

    WebDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get(baseUrl + path);
    }

    /** Forgets the session (the webapps' cookies) so another user can log in. */
    void forgetSession() {
        open("/camunda/app/welcome/default/");
        driver.manage().deleteAllCookies();
    }

    /**
     * One step of a scenario on one page: waits until {@code check} holds (returns non-null/true),
     * looking again every {@link #POLL}, then saves a screenshot when {@link #EVERY_STEP}. On timeout it
     * saves the failing screenshot and the page source and fails naming the page and what was missing.
     */
    <T> T step(String page, String expectation, Supplier<T> check) {
        String name = String.format("%s-%02d-%s", prefix, ++step, slug(page + " " + expectation));
        long started = System.nanoTime();
        try {
            T result = new WebDriverWait(driver, WAIT, POLL).ignoring(WebDriverException.class).until(d -> {
                T r = check.get();
                return (r instanceof Boolean b && !b) ? null : r;
            });
            if (EVERY_STEP) {
                pause(100); // let the last paint land in the picture
                screenshot(name);
            }
            System.out.printf("browser step %s: %d ms%n", name, (System.nanoTime() - started) / 1_000_000);
            return result;
        } catch (WebDriverException e) {
            screenshot(name + "-FAILED");
            throw new AssertionError("[" + page + "] missing: " + expectation + " (url " + driver.getCurrentUrl()
                    + ", screenshot " + SCREENSHOTS.resolve(name + "-FAILED.png") + ")", e);
        }
    }

    /**
     * Signs in on a Camunda webapp's login page ({@code loginPath}) and waits for {@code signedIn}. Typing
     * waits until AngularJS has bound the fields (else the form may go out empty); a refused sign-in is
     * tried once more after Camunda's login throttling delay, and the second refusal fails the step.
     */
    void signIn(String page, String loginPath, String user, String password, String signedInWhat,
                Supplier<Boolean> signedIn) {
        By userField = By.cssSelector("input[ng-model='username']");
        By passwordField = By.cssSelector("input[ng-model='password']");
        Supplier<Boolean> formReady = () -> visible(userField).stream()
                .anyMatch(e -> String.valueOf(e.getAttribute("class")).contains("ng-"));
        for (int attempt = 1; ; attempt++) {
            open(loginPath);
            // the first load of a webapp on a busy machine can hang on its spinner: load it again, twice at most
            for (int load = 1; load <= 2 && !quietlyWait(formReady); load++) {
                System.out.printf("browser: %s login page not ready after %s, loading it again%n", page, WAIT);
                driver.navigate().refresh();
            }
            step(page, "login form", formReady);
            // the login view focuses the user name field 300 ms after it appears (its autofocus): a password typed
            // before that lands in the user name field. Wait for that focus, and type again if the form did not
            // take both values
            quietlyWait(() -> Boolean.TRUE.equals(js("return document.activeElement != null"
                    + " && document.activeElement.getAttribute('ng-model') === 'username';")), Duration.ofSeconds(3));
            Supplier<Boolean> taken = () -> user.equals(driver.findElement(userField).getAttribute("value"))
                    && password.equals(driver.findElement(passwordField).getAttribute("value"))
                    && String.valueOf(driver.findElement(userField).getAttribute("class")).contains("ng-not-empty")
                    && String.valueOf(driver.findElement(passwordField).getAttribute("class")).contains("ng-not-empty");
            for (int typing = 1; typing <= 3; typing++) {
                driver.findElement(userField).clear();
                driver.findElement(userField).sendKeys(user);
                driver.findElement(passwordField).clear();
                driver.findElement(passwordField).sendKeys(password);
                if (quietlyWait(taken, Duration.ofSeconds(2))) {
                    break;
                }
                System.out.printf("browser: %s sign-in form did not take what was typed, typing again%n", page);
            }
            step(page, "user name and password taken by the form", taken);
            driver.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
            boolean firstTry = attempt == 1;
            String outcome = step(page, signedInWhat + (attempt > 1 ? " (second try)" : ""), () -> {
                if (Boolean.TRUE.equals(signedIn.get())) {
                    return "signed in";
                }
                return firstTry && visibleWithText(By.cssSelector("body"), "Login Failed") != null ? "refused" : null;
            });
            if ("signed in".equals(outcome)) {
                return;
            }
            System.out.printf("browser: sign-in of %s refused on %s, trying again after the throttling delay%n", user, page);
            pause(5000);
        }
    }

    /** Waits up to {@link #WAIT} for the condition; false (no failure, no screenshot) if it did not come. */
    boolean quietlyWait(Supplier<Boolean> condition) {
        return quietlyWait(condition, WAIT);
    }

    boolean quietlyWait(Supplier<Boolean> condition, Duration timeout) {
        try {
            new WebDriverWait(driver, timeout, POLL).ignoring(WebDriverException.class)
                    .until(d -> Boolean.TRUE.equals(condition.get()) ? Boolean.TRUE : null);
            return true;
        } catch (WebDriverException e) {
            return false;
        }
    }

    /** A visible element whose text contains {@code text} (case-sensitive), or null. */
    WebElement visibleWithText(By by, String text) {
        for (WebElement e : driver.findElements(by)) {
            if (e.isDisplayed() && e.getText().contains(text)) {
                return e;
            }
        }
        return null;
    }

    List<WebElement> visible(By by) {
        return driver.findElements(by).stream().filter(WebElement::isDisplayed).toList();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private int screenshots;
    private long screenshotNanos;

    void screenshot(String name) {
        long started = System.nanoTime();
        screenshots++;
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            if (name.endsWith("FAILED")) {
                Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
            }
        } catch (IOException | WebDriverException e) {
            // a missing picture must not hide the real failure
        } finally {
            screenshotNanos += System.nanoTime() - started;
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String slug(String s) {
        String slug = s.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.length() > 70 ? slug.substring(0, 70) : slug;
    }

    @Override
    public void close() {
        System.out.printf("browser: %d screenshots in %d ms%n", screenshots, screenshotNanos / 1_000_000);
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(userDataDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // temporary profile; the OS cleans up
            }
        }
    }
}
