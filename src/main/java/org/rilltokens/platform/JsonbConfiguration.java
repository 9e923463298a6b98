package org.rilltokens.platform;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyOrderStrategy;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers show absent values as {@code null} (e.g. {@code "expiresOn": null} for a token that never expires)
 * and fields in the order the records declare them. {@link JsonAnswers} and {@link JsonRequests} use {@link #JSONB}
 * themselves; as a context resolver it also configures any other JSON-B binding of the runtime.
 */
@Provider
public class JsonbConfiguration implements ContextResolver<Jsonb> {

    static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(true)
            .withPropertyOrderStrategy(PropertyOrderStrategy.ANY));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
