package org.rilltokens.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an API resource (or one of its methods) that answers without a bearer token, which the
 * {@link BearerFilter} then lets through. Only for endpoints a caller uses before it has a token, such as
 * device login; each such endpoint decides itself what it may hand out. Everything else needs a token.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PublicEndpoint {
}
