package se.samverkansvaven.web;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openqa.selenium.bidi.Command;
import org.openqa.selenium.bidi.Connection;
import org.openqa.selenium.bidi.Event;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.remote.http.ClientConfig;
import org.openqa.selenium.remote.http.HttpClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One headless Firefox driven over WebDriver BiDi, the W3C protocol Firefox (129+) speaks itself, so no
 * geckodriver is needed (it is neither in Debian nor on Maven Central). Selenium's BiDi transport
 * ({@link Connection}) carries the messages; Selenium's higher-level BiDi modules need a classic WebDriver
 * session and are not used. Every start gets a fresh temporary profile; {@link #close()} ends the browser,
 * kills what is left of its process tree and deletes the profile (a shutdown hook does the killing if the
 * test JVM dies first).
 */
final class FirefoxBiDi implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Duration COMMAND = Duration.ofSeconds(60); // a page load on a busy machine
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * On top of what Firefox's remote agent already sets for automation (remote.prefs.recommended): BiDi only,
     * nothing that calls home, and Swedish first like a Swedish user's browser.
     */
    private static final String USER_JS = """
            user_pref("remote.active-protocols", 1);
            user_pref("browser.shell.checkDefaultBrowser", false);
            user_pref("browser.startup.homepage_override.mstone", "ignore");
            user_pref("browser.startup.page", 0);
            user_pref("app.update.disabledForTesting", true);
            user_pref("datareporting.policy.dataSubmissionEnabled", false);
            user_pref("toolkit.telemetry.enabled", false);
            user_pref("messaging-system.rsexperimentloader.enabled", false);
            user_pref("services.settings.server", "data:,#remote-settings-dummy/v1");
            user_pref("network.captive-portal-service.enabled", false);
            user_pref("network.connectivity-service.enabled", false);
            user_pref("intl.accept_languages", "sv-SE,sv,en");
            """;

    private final Process process;
    private final Path home;
    private final Thread killOnExit;
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private HttpClient http;
    private Connection connection;
    private String context;

    private FirefoxBiDi(Process process, Path home) {
        this.process = process;
        this.home = home;
        this.killOnExit = new Thread(() -> kill(process, 0), "kill-firefox-" + process.pid());
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** firefox-esr or firefox on the PATH (or in /usr/bin), if installed. */
    static Optional<Path> findBinary() {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.add("/usr/bin");
        for (String name : List.of("firefox-esr", "firefox")) {
            for (String dir : dirs) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Starts Firefox headless with a fresh profile and opens a BiDi session on its first tab at the viewport size. */
    static FirefoxBiDi start(Path binary, int width, int height) throws IOException {
        Path home = Files.createTempDirectory("firefox-bidi");
        Path profile = Files.createDirectory(home.resolve("profile"));
        Files.writeString(profile.resolve("user.js"), USER_JS);
        // Port 0: Firefox picks a free port and writes it to WebDriverBiDiServer.json in the profile.
        ProcessBuilder builder = new ProcessBuilder(binary.toString(), "--headless", "--no-remote",
                "--profile", profile.toString(), "--remote-debugging-port=0", "about:blank")
                .redirectErrorStream(true).redirectOutput(home.resolve("firefox.log").toFile());
        builder.environment().put("MOZ_CRASHREPORTER_DISABLE", "1"); // no crash helper outliving the browser
        FirefoxBiDi firefox = new FirefoxBiDi(builder.start(), home);
        try {
            firefox.connect(profile.resolve("WebDriverBiDiServer.json"), width, height);
            return firefox;
        } catch (RuntimeException e) {
            firefox.close();
            throw e;
        }
    }

    private void connect(Path serverFile, int width, int height) {
        URI endpoint = awaitEndpoint(serverFile);
        http = HttpClient.Factory.createDefault().createClient(ClientConfig.defaultConfig().baseUri(endpoint));
        connection = new Connection(http, endpoint + "/session");
        send("session.new", Map.of("capabilities", Map.of()));
        connection.addListener(new Event<JsonNode>("log.entryAdded", JSON::valueToTree), this::logEntry);
        connection.addListener(new Event<JsonNode>("network.responseCompleted", JSON::valueToTree), this::response);
        connection.addListener(new Event<JsonNode>("network.fetchError", JSON::valueToTree), this::fetchError);
        send("session.subscribe", Map.of("events", List.of("log.entryAdded", "network.responseCompleted", "network.fetchError")));
        context = send("browsingContext.getTree", Map.of("maxDepth", 0)).path("contexts").path(0).path("context").asString();
        setViewport(width, height);
    }

    private URI awaitEndpoint(Path serverFile) {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Firefox exited (status " + process.exitValue()
                        + ") before WebDriver BiDi listened. Its output:\n" + output());
            }
            try {
                JsonNode server = JSON.readTree(Files.readString(serverFile));
                if (server.path("ws_port").asInt() > 0) {
                    return URI.create("ws://" + server.path("ws_host").asString("127.0.0.1") + ":" + server.path("ws_port").asInt());
                }
            } catch (IOException | JacksonException e) {
                // not written yet, or half written
            }
            pause(100);
        }
        throw new IllegalStateException("Firefox did not start WebDriver BiDi within " + STARTUP.toSeconds()
                + " s. Its output:\n" + output());
    }

    /** One BiDi command on the connection; its result, or an exception naming the command and Firefox's error. */
    private JsonNode send(String method, Map<String, Object> params) {
        try {
            Map<String, Object> result = connection.sendAndWait(new Command<>(method, params, Json.MAP_TYPE), COMMAND);
            return JSON.valueToTree(result);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Firefox BiDi " + method + " failed: " + e.getMessage(), e);
        }
    }

    void navigate(String url) {
        send("browsingContext.navigate", Map.of("context", context, "url", url, "wait", "complete"));
    }

    /**
     * Runs a function body in the page like Selenium's executeScript (arguments[i], return; awaited if it returns a
     * promise) and gives its JSON-serialised result; null and undefined give a null node.
     */
    JsonNode call(String body, Object... args) {
        String function = "async function(json) { const result = await (async function() {\n" + body
                + "\n}).apply(null, JSON.parse(json)); return JSON.stringify(result === undefined ? null : result); }";
        JsonNode answer = send("script.callFunction", Map.of("functionDeclaration", function, "awaitPromise", true,
                "target", Map.of("context", context),
                "arguments", List.of(Map.of("type", "string", "value", JSON.writeValueAsString(args)))));
        if (!"success".equals(answer.path("type").asString())) {
            throw new IllegalStateException("Script failed in Firefox: " + answer.path("exceptionDetails").path("text").asString()
                    + "\nScript: " + body);
        }
        return JSON.readTree(answer.path("result").path("value").asString());
    }

    /** Polls the body until it returns something truthy; fails naming what was awaited and the last script error. */
    void waitUntil(String what, String body, Object... args) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                JsonNode value = call("return !!(await (async function() {\n" + body + "\n}).apply(null, arguments));", args);
                if (value.asBoolean()) {
                    return;
                }
            } catch (IllegalStateException e) {
                last = e; // e.g. the page navigating away under the script
            }
            pause(100);
        }
        throw new AssertionError("Firefox: timed out after " + WAIT.toSeconds() + " s waiting for " + what
                + (last == null ? "" : "; last error: " + last.getMessage()));
    }

    void waitFor(String css) {
        waitUntil("an element matching " + css, "return document.querySelector(arguments[0]) !== null", css);
    }

    /** The rendered text of the first element matching css, trimmed (like Selenium's getText). */
    String text(String css) {
        return call("const e = document.querySelector(arguments[0]);"
                + " if (!e) throw new Error('no element matches ' + arguments[0]); return e.innerText.trim();", css).asString();
    }

    /** Real key presses (keyDown/keyUp per character) into whatever has the focus; WebDriver key codes allowed. */
    void keys(String keys) {
        List<Map<String, Object>> actions = new ArrayList<>();
        keys.codePoints().mapToObj(Character::toString).forEach(key -> {
            actions.add(Map.of("type", "keyDown", "value", key));
            actions.add(Map.of("type", "keyUp", "value", key));
        });
        perform(Map.of("type", "key", "id", "keyboard", "actions", actions));
    }

    /** A real left click in the middle of the first element matching css, scrolled into view first. */
    void click(String css) {
        JsonNode centre = call("const e = document.querySelector(arguments[0]);"
                + " if (!e) throw new Error('no element matches ' + arguments[0]);"
                + " e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
                + " return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];", css);
        perform(Map.of("type", "pointer", "id", "mouse", "parameters", Map.of("pointerType", "mouse"), "actions", List.of(
                Map.of("type", "pointerMove", "x", centre.get(0).asInt(), "y", centre.get(1).asInt(), "origin", "viewport"),
                Map.of("type", "pointerDown", "button", 0),
                Map.of("type", "pointerUp", "button", 0))));
    }

    private void perform(Map<String, Object> source) {
        send("input.performActions", Map.of("context", context, "actions", List.of(source)));
        send("input.releaseActions", Map.of("context", context));
    }

    /** The page printed to PDF on A4 (browsingContext.print), backgrounds included. */
    byte[] pdf() {
        String data = send("browsingContext.print", Map.of("context", context, "background", true,
                "page", Map.of("width", 21.0, "height", 29.7))).path("data").asString();
        return Base64.getDecoder().decode(data);
    }

    /**
     * A new tab in a new user context (browser.createUserContext): no cookies, no storage, nothing of the earlier
     * visits, as a colleague's browser opening a link. Returns its id; {@link #useContext} switches to it.
     */
    String freshContext() {
        String userContext = send("browser.createUserContext", Map.of()).path("userContext").asString();
        return send("browsingContext.create", Map.of("type", "tab", "userContext", userContext)).path("context").asString();
    }

    /** Closes a tab made by {@link #freshContext}. */
    void closeContext(String id) {
        send("browsingContext.close", Map.of("context", id));
    }

    /** The tab the following commands go to. */
    String context() {
        return context;
    }

    void useContext(String id) {
        context = id;
    }

    /** The browser's back button. */
    void back() {
        send("browsingContext.traverseHistory", Map.of("context", context, "delta", -1));
    }

    void setViewport(int width, int height) {
        send("browsingContext.setViewport", Map.of("context", context, "viewport", Map.of("width", width, "height", height)));
    }

    void screenshot(Path file) throws IOException {
        String png = send("browsingContext.captureScreenshot", Map.of("context", context)).path("data").asString();
        Files.write(file, Base64.getDecoder().decode(png));
    }

    /** Console errors, uncaught exceptions and failed requests since the last call, and forgets them. */
    List<String> takeProblems() {
        List<String> taken = List.copyOf(problems);
        problems.removeAll(taken);
        return taken;
    }

    private void logEntry(JsonNode entry) {
        if ("error".equals(entry.path("level").asString())) {
            JsonNode frame = entry.path("stackTrace").path("callFrames").path(0);
            problems.add(entry.path("type").asString() + " error: " + entry.path("text").asString()
                    + (frame.isMissingNode() ? "" : " at " + frame.path("url").asString() + ":" + (frame.path("lineNumber").asInt() + 1)));
        }
    }

    /**
     * Chromium logs a failed resource load as a console error; Firefox's BiDi log does not, so these stand in. The
     * favicon counts too: the app serves one.
     */
    private void response(JsonNode event) {
        int status = event.path("response").path("status").asInt();
        if (status >= 400) {
            problems.add("HTTP " + status + " for " + event.path("request").path("method").asString() + " "
                    + event.path("request").path("url").asString());
        }
    }

    /** NS_BINDING_ABORTED is a request of the previous page that Firefox cancels on navigating away, no failure. */
    private void fetchError(JsonNode event) {
        if (event.path("errorText").asString().equals("NS_BINDING_ABORTED")) {
            return;
        }
        problems.add("request failed: " + event.path("request").path("url").asString() + ": " + event.path("errorText").asString());
    }

    /** The end of Firefox's own output, for failure messages. */
    private String output() {
        try {
            List<String> lines = Files.readAllLines(home.resolve("firefox.log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.sendAndWait(new Command<>("browser.close", Map.of(), Json.MAP_TYPE), Duration.ofSeconds(10));
            } catch (RuntimeException e) {
                // closing anyway: the process is killed below
            }
            try {
                connection.close();
            } catch (RuntimeException e) {
                // Firefox already closed the socket
            }
        }
        if (http != null) {
            http.close();
        }
        kill(process, 10);
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException e) {
            // the JVM is shutting down and runs the hook itself
        }
        deleteTree(home);
    }

    /** Waits for a clean exit, then terminates, then kills; the whole process tree, nothing left behind. */
    private static void kill(Process process, long graceSeconds) {
        Set<ProcessHandle> tree = new LinkedHashSet<>();
        process.descendants().forEach(tree::add);
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.destroy(); // SIGTERM lets Firefox end its content processes itself
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.descendants().forEach(tree::add);
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
