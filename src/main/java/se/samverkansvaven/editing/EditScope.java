package se.samverkansvaven.editing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;
import se.samverkansvaven.security.UserAccount;

/**
 * Which bodies a user may change. ADMIN: all. EDITOR: a body that one of its municipalities or federations
 * is a current party to or convenes (a row not ended by today), and a federation's own body. The check
 * runs on the stored state before the change, so an editor cannot reach a foreign body by adding itself.
 */
final class EditScope {

    private EditScope() {}

    static boolean mayEdit(UserAccount user, BodyState state, LocalDate today) {
        if (user.isAdmin()) {
            return true;
        }
        Set<String> reach = new HashSet<>();
        for (String scope : user.scopes()) {
            int colon = scope.indexOf(':');
            if (colon > 0) {
                reach.add(scope.substring(colon + 1));
            }
        }
        if (reach.contains(state.id())) {
            return true;
        }
        return state.parties().stream().anyMatch(p -> reach.contains(p.party()) && notEndedBy(p.validTo(), today));
    }

    /**
     * Whether a row ending on {@code validTo} is still running after today. The new state of a creation is
     * checked here before the loader has validated it, so a value that is no date counts as not ended: the
     * scope check then lets the loader refuse it with the same 422 an administrator gets (a wrong date grants
     * nothing, as the request then writes nothing).
     */
    private static boolean notEndedBy(String validTo, LocalDate today) {
        if (validTo == null || validTo.isEmpty()) {
            return true;
        }
        try {
            return LocalDate.parse(validTo).isAfter(today);
        } catch (DateTimeParseException e) {
            return true;
        }
    }
}
