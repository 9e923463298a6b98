package org.rilltokens.platform;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Objects;

/**
 * A request that the product refuses for a reason the caller (or, for {@code API_FAILED}, a project
 * author) can fix. REST maps it to a 4xx with
 * {@code {"code","message"}}; Faces pages show the message next to {@link #field()}.
 */
public class DomainException extends RuntimeException {

    public enum Kind {
        INVALID_ARGUMENT(400), FORBIDDEN(403), NOT_FOUND(404), REQUEST_TIMEOUT(408), CONFLICT(409), LENGTH_REQUIRED(411),
        PAYLOAD_TOO_LARGE(413), RESULT_TOO_LARGE(413), RESOURCE_EXHAUSTED(429),
        /** A project's API definition does not work: the project's fault, not the caller's. */
        API_FAILED(500),
        UNAVAILABLE(503), DEADLINE_EXCEEDED(504);

        public final int status;

        Kind(int status) {
            this.status = status;
        }

        public String code() {
            return name().toLowerCase();
        }
    }

    private final Kind kind;
    private final String field;
    private final List<String> candidates;
    private final Duration retryAfter;

    public DomainException(Kind kind, String field, String message, List<String> candidates) {
        this(kind, field, message, candidates, null);
    }

    private DomainException(Kind kind, String field, String message, List<String> candidates, Duration retryAfter) {
        super(Objects.requireNonNull(message), null, false, false);
        this.kind = Objects.requireNonNull(kind);
        this.field = field;
        this.candidates = List.copyOf(candidates);
        this.retryAfter = retryAfter;
    }

    /** A refusal that asks to come back later (429, 503): answered with {@code Retry-After}. */
    public static DomainException retryLater(Kind kind, String message, Duration retryAfter) {
        return new DomainException(kind, null, message, List.of(), Objects.requireNonNull(retryAfter));
    }

    public static DomainException invalid(String field, String message) {
        return new DomainException(Kind.INVALID_ARGUMENT, field, message, List.of());
    }

    public static DomainException notFound(String message) {
        return new DomainException(Kind.NOT_FOUND, null, message, List.of());
    }

    public static DomainException forbidden(String message) {
        return new DomainException(Kind.FORBIDDEN, null, message, List.of());
    }

    /** The request clashes with what exists (a duplicate name, the last admin): {@code field} says which part. */
    public static DomainException conflict(String field, String message) {
        return new DomainException(Kind.CONFLICT, field, message, List.of());
    }

    public static DomainException conflict(String message, List<String> candidates) {
        return new DomainException(Kind.CONFLICT, null, message, candidates);
    }

    public Kind kind() {
        return kind;
    }

    /** The request field to fix, or null when the whole request is at fault. */
    public String field() {
        return field;
    }

    /** How long to wait before trying again, for a refusal that says so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Ids of the objects that made the request ambiguous (for a conflict). */
    public List<String> candidates() {
        return candidates;
    }
}
