package org.rilltokens.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JSON API lives under /v1; the portal owns every other path. */
@ApplicationPath("v1")
public class RestApplication extends Application {
}
