package se.samverkansvaven.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/** "Today" for every default date: the calendar day in Sweden, whatever the server's zone. */
@Component
public class Today {

    static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final Clock clock;

    public Today() {
        this(Clock.system(SWEDEN));
    }

    Today(Clock clock) {
        this.clock = clock;
    }

    public LocalDate date() {
        return LocalDate.now(clock);
    }

    public LocalDate orDefault(LocalDate asOf) {
        return asOf != null ? asOf : date();
    }
}
