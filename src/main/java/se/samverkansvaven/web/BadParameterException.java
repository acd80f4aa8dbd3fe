package se.samverkansvaven.web;

/** A request parameter is malformed or not one of the accepted values; answered with 400 naming it. */
public class BadParameterException extends RuntimeException {

    private final String parameter;

    public BadParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
