package org.powexchange.refusal;

/**
 * The one way a service refuses a request: what kind of refusal it is and the field at fault. The
 * edges map it: {@code web.ApiProblems} to a problem document on {@code /api}, task listeners and
 * {@code security.EngineFailureCapture} to a form error in Tasklist. Services never speak HTTP.
 */
public class Refusal extends RuntimeException {

    public enum Kind {
        /** the input is malformed or breaks a rule about itself */
        INVALID,
        /** well-formed, but refers to something the rule cannot accept (e.g. a person not on the list) */
        UNPROCESSABLE,
        /** more than the application takes in one request */
        TOO_LARGE,
        NOT_FOUND,
        /** contradicts the current state of the record */
        CONFLICT,
        FORBIDDEN
    }

    private final Kind kind;
    private final String field;

    public Refusal(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public static Refusal invalid(String field, String message) {
        return new Refusal(Kind.INVALID, field, message);
    }

    public static Refusal unprocessable(String field, String message) {
        return new Refusal(Kind.UNPROCESSABLE, field, message);
    }

    public static Refusal tooLarge(String field, String message) {
        return new Refusal(Kind.TOO_LARGE, field, message);
    }

    public static Refusal notFound(String what) {
        return new Refusal(Kind.NOT_FOUND, null, what + " not found");
    }

    public static Refusal conflict(String field, String message) {
        return new Refusal(Kind.CONFLICT, field, message);
    }

    public static Refusal forbidden(String message) {
        return new Refusal(Kind.FORBIDDEN, null, message);
    }

    public Kind kind() {
        return kind;
    }

    /** The field at fault, or null when the refusal concerns the request as a whole. */
    public String field() {
        return field;
    }
}
