package org.rilltokens.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/**
 * Writes every JSON answer of the API that is a record, a map or a collection, with {@link JsonbConfiguration#JSONB}.
 * The runtime's own JSON-B writer would do the same, but Payara 6.2025.10 looks up its JSON-B instance through a
 * resolver that instantiates the application's resolvers on first use without a lock: two first answers of
 * different types at once (a node just started under load) fail with a ConcurrentModificationException (a 500) or
 * may bind with a default JSON-B that leaves out nulls, and it costs a resolver lookup on every answer. Ranked ahead
 * of the runtime's writer ({@code @Priority}): for the same type and media type Jersey otherwise kept choosing its own.
 * Strings and JSON-P values are left to the runtime's writers.
 */
@Provider
@Priority(Priorities.USER - 1000)
@Produces(MediaType.APPLICATION_JSON)
public class JsonAnswers implements MessageBodyWriter<Object> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord() || Map.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(Object answer, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream body) throws IOException {
        // Through a string: the binding would close the response's stream when it is done.
        body.write(JsonbConfiguration.JSONB.toJson(answer).getBytes(StandardCharsets.UTF_8));
    }
}
