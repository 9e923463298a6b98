package org.rilltokens.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method whose query string carries the call's own arguments (a custom API's), which the
 * method checks by name itself; {@link KnownQueryParameters} leaves its query alone.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface QueryArguments {
}
