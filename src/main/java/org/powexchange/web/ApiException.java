package org.powexchange.web;

import org.powexchange.refusal.Refusal;
import org.springframework.http.HttpStatus;

/**
 * A refusal raised at the edge of {@code /api} (a controller or the caller's authentication), answered
 * as an RFC 9457 problem document naming the field at fault. Services throw {@link Refusal} instead.
 */
public class ApiException extends Refusal {

    private final HttpStatus status;

    public ApiException(HttpStatus status, String field, String message) {
        super(kindOf(status), field, message);
        this.status = status;
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, null, what + " not found");
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, field, message);
    }

    public static ApiException conflict(String field, String message) {
        return new ApiException(HttpStatus.CONFLICT, field, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, null, message);
    }

    public HttpStatus status() {
        return status;
    }

    /** The HTTP status that answers a refusal of this kind. */
    public static HttpStatus statusOf(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
    }

    private static Refusal.Kind kindOf(HttpStatus status) {
        return switch (status) {
            case UNPROCESSABLE_ENTITY -> Kind.UNPROCESSABLE;
            case PAYLOAD_TOO_LARGE -> Kind.TOO_LARGE;
            case NOT_FOUND -> Kind.NOT_FOUND;
            case CONFLICT -> Kind.CONFLICT;
            case FORBIDDEN, UNAUTHORIZED -> Kind.FORBIDDEN;
            default -> Kind.INVALID;
        };
    }
}
