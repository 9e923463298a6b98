package org.rilltokens.platform;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;

/**
 * A request that breaks a Bean Validation constraint (of a request record, or of a query or path parameter):
 * {@code 400 {"code": "invalid_argument", "message": ..., "field": ...}}, the constraint's own message and the
 * name of the field or parameter it sits on. When several are broken, the first by name is answered.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException e) {
        ConstraintViolation<?> first = e.getConstraintViolations().stream()
                .min(Comparator.comparing(ConstraintViolationMapper::field, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
                        .thenComparing(ConstraintViolation::getMessage))
                .orElseThrow(() -> new IllegalStateException("A constraint violation without violations", e));
        return ApiErrors.response(400, ApiErrors.body(DomainException.invalid(field(first), first.getMessage())));
    }

    /** The last name on the path: {@code issue.request.displayName} is the field {@code displayName}. */
    private static String field(ConstraintViolation<?> violation) {
        String name = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getName() != null) {
                name = node.getName();
            }
        }
        return name;
    }
}
