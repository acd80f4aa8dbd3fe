package se.samverkansvaven.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * Where the product's login page ({@code /login.html}) leads: back to the page the user came from, named in
 * the form's {@code continue} field, else to the page that asked for the login (the saved request), else the
 * start page; a failed login returns to the login page with {@code error} and the same {@code continue}.
 * Only a path on this site is followed, so the login cannot be used to send someone elsewhere.
 */
final class LoginRedirects {

    static final String LOGIN_PAGE = "/login.html";
    static final String CONTINUE = "continue";

    private LoginRedirects() {}

    /** A path of this site ({@code /redigera.html?id=x}), not {@code //evil.example} or {@code https://…}. */
    static boolean isLocal(String target) {
        return target != null && target.startsWith("/") && !target.startsWith("//") && !target.startsWith("/\\")
                && target.length() <= 2000 && target.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    static SavedRequestAwareAuthenticationSuccessHandler success() {
        var handler = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                    Authentication authentication) throws jakarta.servlet.ServletException, IOException {
                String target = request.getParameter(CONTINUE);
                if (isLocal(target)) {
                    clearAuthenticationAttributes(request);
                    getRedirectStrategy().sendRedirect(request, response, target);
                } else {
                    super.onAuthenticationSuccess(request, response, authentication);
                }
            }
        };
        handler.setDefaultTargetUrl("/");
        return handler;
    }

    static AuthenticationFailureHandler failure() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            String target = request.getParameter(CONTINUE);
            response.sendRedirect(request.getContextPath() + LOGIN_PAGE + "?error"
                    + (isLocal(target) ? "&" + CONTINUE + "=" + URLEncoder.encode(target, StandardCharsets.UTF_8) : ""));
        };
    }
}
