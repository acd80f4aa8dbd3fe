package se.samverkansvaven.web;

/** Something named in the request does not exist; answered with 404 and a problem body saying what. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
