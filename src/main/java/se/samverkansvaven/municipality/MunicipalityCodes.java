package se.samverkansvaven.municipality;

import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * What a municipality code looks like: {@code samverkansvaven.data.municipality-code-pattern}, a Java regular
 * expression the whole code must match. The default {@code [0-9]{4}} is Sweden's 4-digit SCB code
 * (docs/domain.md); another pattern (e.g. {@code [A-Z]{2}[0-9A-Z]{1,10}} for Eurostat LAU codes, or
 * {@code [0-9]{6}} for the benchmark's L web) loads local units of other countries. The loader, the API's
 * parameter checks and the id rule (an id may not look like a code) all use this one pattern.
 */
@Component
public final class MunicipalityCodes {

    /** Sweden's SCB codes, the default. */
    public static final String SCB = "[0-9]{4}";

    private final Pattern pattern;

    /** The property is read directly: a pattern's braces would confuse a ${...} placeholder default. */
    @Autowired
    MunicipalityCodes(Environment environment) {
        this(environment.getProperty("samverkansvaven.data.municipality-code-pattern", SCB));
    }

    MunicipalityCodes(String pattern) {
        this.pattern = Pattern.compile(pattern);
    }

    /** Codes of the given form, for code that runs outside Spring (tests). */
    public static MunicipalityCodes of(String pattern) {
        return new MunicipalityCodes(pattern);
    }

    /** Whether the whole text has the form of a municipality code (not whether that municipality exists). */
    public boolean matches(String text) {
        return text != null && pattern.matcher(text).matches();
    }

    public String pattern() {
        return pattern.pattern();
    }

    /** How codes look, for error messages: the SCB wording by default, else the configured pattern. */
    public String describe() {
        return pattern.pattern().equals(SCB) ? "codes are 4 digits (SCB), e.g. 1496"
                : "codes match " + pattern.pattern() + " (samverkansvaven.data.municipality-code-pattern)";
    }
}
