package se.samverkansvaven.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.json.JsonMapper;

/**
 * One browser as the view tests ({@link ViewChecks}) drive it, the same calls for Chromium (Selenium) and Firefox
 * (WebDriver BiDi): open a page of the app, run a script, wait, click, print, and open a fresh browser that has
 * seen nothing of this one (for "a copied link restores the view").
 */
interface ViewSession extends AutoCloseable {

    String browserName();

    /** Opens a path of the app, e.g. {@code index.html?code=1496}. */
    void open(String path);

    /** Runs a function body (arguments[i], return; a returned promise is awaited) and gives its result as plain Java. */
    Object js(String script, Object... args);

    /** Waits until the function body returns something truthy. */
    void waitUntil(String what, String script, Object... args);

    /** A real click in the middle of the first element matching css. */
    void click(String css);

    /** The browser's back button. */
    void back();

    /** The current page printed to PDF (A4). */
    byte[] pdf();

    /** A browser with no cookies, storage or history of this one, on the same app. */
    ViewSession fresh() throws IOException;

    void screenshot(String name) throws IOException;

    @Override
    void close();

    default void waitFor(String css) {
        waitUntil("an element matching " + css, "return document.querySelector(arguments[0]) !== null", css);
    }

    /** No loading notice left on the page. */
    default void settle() {
        waitUntil("no loading notice", "return document.querySelector('.message.loading') === null");
    }

    default String text(String css) {
        return (String) js("const e = document.querySelector(arguments[0]);"
                + " if (!e) throw new Error('no element matches ' + arguments[0]); return e.innerText.trim();", css);
    }

    default String url() {
        return (String) js("return location.href");
    }

    /** Chooses an option the way a user's pick does: the value changes and change fires. */
    default void select(String css, String value) {
        js("const s = document.querySelector(arguments[0]); s.value = arguments[1];"
                + " if (s.value !== arguments[1]) throw new Error('no option ' + arguments[1] + ' in ' + arguments[0]);"
                + " s.dispatchEvent(new Event('input', {bubbles: true})); s.dispatchEvent(new Event('change', {bubbles: true}));",
                css, value);
    }

    /** Chromium through Selenium and chromium-driver. */
    final class Chromium implements ViewSession {
        private final Browser browser;
        private final int port;

        Chromium(Browser browser, int port) {
            this.browser = browser;
            this.port = port;
        }

        @Override
        public String browserName() {
            return "chromium";
        }

        @Override
        public void open(String path) {
            browser.open(path);
        }

        @Override
        public Object js(String script, Object... args) {
            // Selenium's executeScript does not await a promise; executeAsyncScript with a callback does.
            return ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                    "const done = arguments[arguments.length - 1]; const args = [...arguments].slice(0, -1);"
                            + " (async function() {\n" + script + "\n}).apply(null, args)"
                            + ".then(v => done({ok: v === undefined ? null : v}), e => done({error: String(e && e.stack || e)}));",
                    args) instanceof Map<?, ?> answer ? unwrap(answer, script) : null;
        }

        private static Object unwrap(Map<?, ?> answer, String script) {
            if (answer.containsKey("error")) {
                throw new IllegalStateException("Script failed in Chromium: " + answer.get("error") + "\nScript: " + script);
            }
            return answer.get("ok");
        }

        @Override
        public void waitUntil(String what, String script, Object... args) {
            try {
                new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).ignoring(IllegalStateException.class)
                        .until(d -> {
                            Object v = js("return !!(await (async function() {\n" + script + "\n}).apply(null, arguments));", args);
                            return Boolean.TRUE.equals(v);
                        });
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError("Chromium: timed out waiting for " + what, e);
            }
        }

        @Override
        public void click(String css) {
            var element = browser.driver().findElement(By.cssSelector(css));
            browser.js("arguments[0].scrollIntoView({block: 'center'})", element);
            element.click();
        }

        @Override
        public void back() {
            browser.driver().navigate().back();
        }

        @Override
        public byte[] pdf() {
            return browser.pdf();
        }

        @Override
        public ViewSession fresh() throws IOException {
            return new Chromium(Browser.start(port), port);
        }

        @Override
        public void screenshot(String name) throws IOException {
            Files.write(Browser.SCREENSHOTS.resolve(name + ".png"),
                    ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
        }

        Browser browser() {
            return browser;
        }

        @Override
        public void close() {
            try {
                browser.close();
            } catch (IOException e) {
                // a leftover profile directory is harmless
            }
        }
    }

    /**
     * Firefox over WebDriver BiDi ({@link FirefoxBiDi}), in one tab; a fresh browser is a tab of a new user context
     * of the same Firefox (its own cookies and storage).
     */
    final class Firefox implements ViewSession {
        private static final JsonMapper JSON = JsonMapper.builder().build();
        private final FirefoxBiDi firefox;
        private final int port;
        private final String context;
        private final boolean owner;

        Firefox(FirefoxBiDi firefox, int port, String context, boolean owner) {
            this.firefox = firefox;
            this.port = port;
            this.context = context;
            this.owner = owner;
        }

        private FirefoxBiDi tab() {
            firefox.useContext(context);
            return firefox;
        }

        @Override
        public String browserName() {
            return "firefox";
        }

        @Override
        public void open(String path) {
            tab().navigate("http://localhost:" + port + "/" + path);
        }

        @Override
        public Object js(String script, Object... args) {
            return JSON.treeToValue(tab().call(script, args), Object.class);
        }

        @Override
        public void waitUntil(String what, String script, Object... args) {
            tab().waitUntil(what, script, args);
        }

        @Override
        public void click(String css) {
            tab().click(css);
        }

        @Override
        public void back() {
            tab().back();
        }

        @Override
        public byte[] pdf() {
            return tab().pdf();
        }

        @Override
        public ViewSession fresh() {
            return new Firefox(firefox, port, firefox.freshContext(), false);
        }

        @Override
        public void screenshot(String name) throws IOException {
            Path dir = Path.of("target", "firefox-screenshots");
            Files.createDirectories(dir);
            tab().screenshot(dir.resolve(name + ".png"));
        }

        @Override
        public void close() {
            if (owner) {
                firefox.close();
            } else {
                firefox.closeContext(context);
            }
        }
    }

    /** A list result of {@link #js} as strings. */
    @SuppressWarnings("unchecked")
    static List<String> strings(Object value) {
        return ((List<Object>) value).stream().map(String::valueOf).toList();
    }
}
