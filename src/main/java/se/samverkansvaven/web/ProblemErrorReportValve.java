package se.samverkansvaven.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's own error answer, for the requests it refuses before any servlet runs (a request line or headers over
 * {@code server.max-http-request-header-size}, a malformed request line): the API's problem body instead of
 * Tomcat's HTML page. Every error that reaches Spring keeps Spring's body (this valve writes only when nothing
 * was written). Nothing of the request is echoed.
 */
class ProblemErrorReportValve extends ErrorReportValve {

    private final String headerLimit;

    ProblemErrorReportValve(String headerLimit) {
        this.headerLimit = headerLimit;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // as Tomcat's own: not for success, not when a body was written, once per response
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = status == 400 ? badRequest(throwable)
                : status >= 500 ? "The server could not answer this request." : "The request was refused.";
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot take a body: nothing more to tell
        }
    }

    /**
     * Why Tomcat could not read the request. Its parser names the cause only in its exception's message (English
     * unless the JVM's locale has a translation), so the message is a hint: without it both causes are named.
     */
    private String badRequest(Throwable throwable) {
        String tooLarge = "its request line (path and query string) and headers are larger than " + headerLimit
                + " (server.max-http-request-header-size)";
        String unencoded = "the address holds characters that must be percent-encoded as UTF-8 (letters such as "
                + "å, ä, ö, spaces and quotes: skövde is sk%C3%B6vde)";
        String message = throwable == null || throwable.getMessage() == null ? "" : throwable.getMessage();
        String cause;
        if (message.startsWith("Invalid character found in the request target")) {
            cause = unencoded;
        } else if (message.startsWith("Request header is too large")) {
            cause = tooLarge;
        } else {
            cause = "it is malformed (for example, " + unencoded + "), or " + tooLarge;
        }
        return "The request could not be read: " + cause + ". Nothing was done.";
    }
}
