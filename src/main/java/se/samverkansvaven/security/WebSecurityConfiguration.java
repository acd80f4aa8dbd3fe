package se.samverkansvaven.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may do what over HTTP (docs/security.md). Reading (GET, HEAD) is open unless
 * {@code samverkansvaven.security.public-read=false}; every write needs a login; loading bundles, purging and
 * managing users need ADMIN. Which bodies an EDITOR may change is decided by the editing service, which
 * knows the graph. Form login and a session for the web pages, HTTP Basic for API clients.
 *
 * <p>CSRF: the pages send the token of the {@code XSRF-TOKEN} cookie in an {@code X-XSRF-TOKEN} header.
 * A request that brings its own {@code Authorization: Basic} header and no foreign {@code Origin} is exempt:
 * a script or curl is no browser being tricked, and a cross-site form post, the one CSRF vector, always
 * carries the attacker's Origin. An API request without any credentials is exempt too: it has nothing to
 * abuse, and so gets 401.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

    /** The password encoder, also for the command line (add-user), where there is no web server. */
    @Configuration(proxyBeanMethods = false)
    static class Passwords {
        @Bean
        PasswordEncoder passwordEncoder() {
            return new BCryptPasswordEncoder();
        }
    }

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * No Micrometer observation per security filter, authorization and request: with the actuator's registry Spring
     * Security wrapped each of its ~15 filters in an observation with its own events and meters, the largest CPU share
     * of a cached API answer under load (JFR at S). Requests are still timed as {@code http.server.requests}.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityProperties properties, LoginThrottle throttle,
            UserDetailsService users, PasswordEncoder encoder) throws Exception {
        // Form login and HTTP Basic both check passwords through this one manager, which throttles guessing.
        var passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        http.authenticationManager(new ThrottledAuthentication(new ProviderManager(passwords), throttle));
        var paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher api = paths.matcher("/api/**");
        http.authorizeHttpRequests(auth -> {
            auth.requestMatchers("/login", "/login.html", "/logout", "/error", "/actuator/health", "/actuator/health/**",
                    "/css/**", "/js/**", "/i18n/**", "/favicon.ico", "/favicon.svg").permitAll();
            auth.requestMatchers(HttpMethod.POST, "/api/imports").hasRole("ADMIN");
            // Scenarios (docs/scenarios.md): comparing one is reading (anyone, nothing stored); keeping, sharing and
            // deleting one's own needs a login only (the owner check is the scenario API's); applying checks roles.
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl compare = auth.requestMatchers(HttpMethod.POST,
                    "/api/scenarios/compare");
            if (properties.publicRead()) {
                compare.permitAll();
            } else {
                compare.authenticated();
            }
            auth.requestMatchers(HttpMethod.POST, "/api/scenarios", "/api/scenarios/*/share").authenticated();
            auth.requestMatchers(HttpMethod.PUT, "/api/scenarios/*").authenticated();
            auth.requestMatchers(HttpMethod.DELETE, "/api/scenarios/*", "/api/scenarios/*/share").authenticated();
            auth.requestMatchers(HttpMethod.DELETE, "/api/**").hasRole("ADMIN");
            auth.requestMatchers("/api/users", "/api/users/**").hasRole("ADMIN");
            auth.requestMatchers("/api/me").permitAll();
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl reads = auth.requestMatchers(HttpMethod.GET, "/**");
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl heads = auth.requestMatchers(HttpMethod.HEAD, "/**");
            if (properties.publicRead()) {
                reads.permitAll();
                heads.permitAll();
            } else {
                reads.authenticated();
                heads.authenticated();
            }
            auth.anyRequest().hasAnyRole("EDITOR", "ADMIN");
        });
        // The product's own login page (Swedish and English), which returns to where the user was.
        http.formLogin(form -> form.loginPage(LoginRedirects.LOGIN_PAGE).loginProcessingUrl("/login")
                .successHandler(LoginRedirects.success()).failureHandler(formLoginFailed()).permitAll());
        // A failed Basic login gets the same problem body as any 401 of the API (Spring's default sends an error
        // that Spring Boot renders as its own JSON), or 429 while the name or address is locked.
        http.httpBasic(basic -> basic.realmName("samverkansvaven").authenticationEntryPoint(apiEntryPoint()));
        http.logout(logout -> logout.logoutSuccessUrl("/"));
        http.csrf(csrf -> csrf.spa().ignoringRequestMatchers(WebSecurityConfiguration::basicWithoutForeignOrigin,
                request -> api.matches(request) && carriesNoCredentials(request)));
        http.exceptionHandling(ex -> ex
                .defaultAuthenticationEntryPointFor(apiEntryPoint(), api)
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LoginRedirects.LOGIN_PAGE), request -> true)
                .defaultAccessDeniedHandlerFor(apiAccessDenied(), api));
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * Nothing a forged request could ride on (no session, no Authorization): it is anonymous anyway and gets a
     * plain 401 rather than a CSRF 403 that would hide "log in first".
     */
    static boolean carriesNoCredentials(HttpServletRequest request) {
        return request.getHeader("Authorization") == null && request.getRequestedSessionId() == null;
    }

    /** An API client that authenticates itself on every request, and no browser page of another site. */
    static boolean basicWithoutForeignOrigin(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            return request.getServerName().equalsIgnoreCase(uri.getHost()) && request.getServerPort() == port(uri);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    /**
     * 401 as a problem body with a Basic challenge, or 429 with {@code Retry-After} while a login is throttled;
     * never echoes what was sent.
     */
    private static AuthenticationEntryPoint apiEntryPoint() {
        return (request, response, e) -> {
            if (e instanceof LoginThrottledException throttled) {
                response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
                problem(response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins", throttled.getMessage());
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"samverkansvaven\"");
            problem(response, HttpStatus.UNAUTHORIZED, "Login required",
                    "Log in (HTTP Basic for API clients, or the login page) to do this.");
        };
    }

    /**
     * A wrong password goes back to the login page ("Invalid credentials"); a throttled login gets 429 with a short
     * page saying how long to wait (Spring's login page shows no reason), in Swedish and English, with a link back.
     */
    private static AuthenticationFailureHandler formLoginFailed() {
        var wrongPassword = LoginRedirects.failure();
        return (request, response, e) -> {
            if (!(e instanceof LoginThrottledException throttled)) {
                wrongPassword.onAuthenticationFailure(request, response, e);
                return;
            }
            long seconds = throttled.retryAfterSeconds();
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", Long.toString(seconds));
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Inloggning"
                    + "</title></head><body><p>För många misslyckade inloggningar. Försök igen om " + seconds
                    + " sekunder.</p><p lang=\"en\">Too many failed logins. Try again in " + seconds
                    + " seconds.</p><p><a href=\"" + LoginRedirects.LOGIN_PAGE + "\">Logga in / Log in</a></p></body></html>");
        };
    }

    private static AccessDeniedHandler apiAccessDenied() {
        return (request, response, e) -> problem(response, HttpStatus.FORBIDDEN, "Forbidden",
                e instanceof org.springframework.security.web.csrf.CsrfException
                        ? "The CSRF token is missing or wrong; send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header."
                        : "Your role does not allow this.");
    }

    private static void problem(jakarta.servlet.http.HttpServletResponse response, HttpStatus status, String title,
            String detail) throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail + "\"}");
    }
}
