package se.samverkansvaven.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code GET /login} (Spring's old login address, in bookmarks and scripts) leads to the product's login page. */
@Controller
class LoginPageController {

    @GetMapping("/login")
    String login(HttpServletRequest request) {
        String query = request.getQueryString();
        return "redirect:" + LoginRedirects.LOGIN_PAGE + (query == null ? "" : "?" + query);
    }
}
