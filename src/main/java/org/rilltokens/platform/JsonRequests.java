package org.rilltokens.platform;

import jakarta.json.JsonObject;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads every JSON request body of the API that is a request record: bound by JSON-B, then checked by Bean
 * Validation where the resource says {@code @Valid}. The body is checked by {@link JsonInput} and
 * {@link RecordShape} first, so that any refusal names the field. Its size is bounded by {@link RequestBodies}
 * before this reads it. (Typed as {@code Record}, so that it is more specific than the JSON-B provider's.)
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class JsonRequests implements MessageBodyReader<Record> {

    private static final Map<Class<?>, RecordShape> SHAPES = new ConcurrentHashMap<>();

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord();
    }

    @Override
    public Record readFrom(Class<Record> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        JsonObject object = JsonInput.object(body.readAllBytes());
        SHAPES.computeIfAbsent(type, RecordShape::new).check(object);
        try {
            return type.cast(JsonbConfiguration.JSONB.fromJson(object.toString(), genericType));
        } catch (JsonbException e) {
            // RecordShape lets through only what binds; JSON-B's own message would name Java classes.
            throw DomainException.invalid(null, "The request body does not fit this call");
        }
    }
}
