package org.rilltokens.platform;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How many bytes of request body the endpoints under some paths take, and how they say no. A feature whose
 * endpoints need another limit than the API's default produces one of these (CDI); {@link RequestBodies}
 * applies the first that matches a request's path.
 *
 * @param paths     which paths (context-relative, e.g. {@code /v1/oauth/token}) it covers
 * @param refusal   the body of the answer that refuses a request, in {@code contentType}
 */
public record BodyLimit(Predicate<String> paths, long maxBytes, String contentType, Function<DomainException, String> refusal) {

    public BodyLimit {
        Objects.requireNonNull(paths);
        Objects.requireNonNull(contentType);
        Objects.requireNonNull(refusal);
    }

    /** A limit for API endpoints, refusing with the API's error body. */
    public static BodyLimit api(Predicate<String> paths, long maxBytes) {
        return new BodyLimit(paths, maxBytes, "application/json", e -> ApiErrors.body(e).build().toString());
    }

    public boolean covers(String path) {
        return paths.test(path);
    }
}
