package se.samverkansvaven.editing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of the editing API (docs/security.md, "Editing API"): its refusals ({@link EditExceptions},
 * and a change the loader's rules reject) become the same problem bodies everywhere, through {@link EditProblems}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface EditingApi {}
