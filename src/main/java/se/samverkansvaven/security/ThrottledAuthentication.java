package se.samverkansvaven.security;

import java.time.Duration;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The one way a name and password are checked, for the login form and HTTP Basic alike: refused at once while
 * {@link LoginThrottle} holds a lock on the name or the client's address, otherwise checked by the delegate, and
 * the outcome counted. Only wrong credentials count as failures (not an unreachable database).
 */
final class ThrottledAuthentication implements AuthenticationManager {

    private final AuthenticationManager delegate;
    private final LoginThrottle throttle;

    ThrottledAuthentication(AuthenticationManager delegate, LoginThrottle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String username = request.getName();
        String address = request.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        Optional<Duration> wait = throttle.locked(username, address);
        if (wait.isPresent()) {
            throw new LoginThrottledException(wait.get());
        }
        try {
            Authentication authenticated = delegate.authenticate(request);
            throttle.succeeded(username);
            return authenticated;
        } catch (BadCredentialsException e) {
            throttle.failed(username, address);
            throw e;
        }
    }
}
