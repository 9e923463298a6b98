package org.rilltokens.platform;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Typed query parameters ({@code Integer}, {@code Long}, {@code Boolean}) that answer a value they cannot read
 * with a 400 naming the parameter. JAX-RS itself answers a bare 404 there, which reads as "no such endpoint".
 */
@Provider
public class QueryValues implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> type, Type genericType, Annotation[] annotations) {
        Optional<String> name = Arrays.stream(annotations).filter(QueryParam.class::isInstance)
                .map(annotation -> ((QueryParam) annotation).value()).findFirst();
        if (name.isEmpty()) {
            return null;
        }
        if (type == Integer.class) {
            return (ParamConverter<T>) converter(name.get(), "a whole number", Integer::valueOf);
        }
        if (type == Long.class) {
            return (ParamConverter<T>) converter(name.get(), "a whole number", Long::valueOf);
        }
        if (type == Boolean.class) {
            return (ParamConverter<T>) converter(name.get(), "true or false", QueryValues::flag);
        }
        return null;
    }

    private static Boolean flag(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(text);
        };
    }

    private static <T> ParamConverter<T> converter(String name, String expected, Function<String, T> parse) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String text) {
                if (text == null || text.isBlank()) {
                    return null;
                }
                try {
                    return parse.apply(text.strip());
                } catch (IllegalArgumentException e) {
                    // A WebApplicationException is the one kind JAX-RS passes on from a converter unchanged.
                    DomainException refusal = DomainException.invalid(name, name + " must be " + expected + ", got '" + text + "'");
                    throw new BadRequestException(ApiErrors.response(400, ApiErrors.body(refusal)));
                }
            }

            @Override
            public String toString(T value) {
                return String.valueOf(value);
            }
        };
    }
}
