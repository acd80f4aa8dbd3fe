package se.samverkansvaven.security;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me}: who is logged in (the pages show a login link or the editing controls). */
@RestController
class MeController {

    private final CurrentUser currentUser;
    private final SecurityProperties properties;

    MeController(CurrentUser currentUser, SecurityProperties properties) {
        this.currentUser = currentUser;
        this.properties = properties;
    }

    @GetMapping("/api/me")
    Map<String, Object> me() {
        Map<String, Object> me = new LinkedHashMap<>();
        var user = currentUser.get();
        me.put("authenticated", user.isPresent());
        me.put("username", user.map(UserAccount::username).orElse(null));
        me.put("roles", user.map(UserAccount::roles).orElse(java.util.Set.of()));
        me.put("scopes", user.map(UserAccount::scopes).orElse(java.util.List.of()));
        me.put("publicRead", properties.publicRead());
        return me;
    }
}
