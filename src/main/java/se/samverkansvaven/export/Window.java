package se.samverkansvaven.export;

import java.time.LocalDate;

/**
 * The time an export covers: [from, to), either end open when null. A snapshot as of D is the window
 * [D, D + 1 day), and an element is in it exactly when docs/model.md calls it active on D:
 * {@code validFrom < D + 1 <=> validFrom <= D} and {@code validTo > D}.
 */
record Window(LocalDate from, LocalDate to) {

    Window {
        if (from != null && to != null && !to.isAfter(from)) {
            throw new IllegalArgumentException("the window's end must be after its start");
        }
    }

    static Window on(LocalDate date) {
        return new Window(date, date.plusDays(1));
    }

    static Window all() {
        return new Window(null, null);
    }

    /** A single day, i.e. a snapshot. */
    boolean isDay() {
        return from != null && to != null && from.plusDays(1).equals(to);
    }

    boolean contains(LocalDate validFrom, LocalDate validTo) {
        return (validFrom == null || to == null || validFrom.isBefore(to))
                && (validTo == null || from == null || validTo.isAfter(from));
    }
}
