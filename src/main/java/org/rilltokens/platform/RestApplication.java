package org.rilltokens.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * The JSON API lives under /v1; the portal owns every other path. Its description is the SPEC, not a generated
 * WADL document: Jersey's (application.wadl) is turned off, which also spares building it at start-up. Other
 * runtimes ignore the property.
 */
@ApplicationPath("v1")
public class RestApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
