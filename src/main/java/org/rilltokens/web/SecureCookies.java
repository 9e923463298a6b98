package org.rilltokens.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * The session cookie is {@code Secure} whenever the public URL is HTTPS: behind a proxy that ends TLS the server
 * itself only sees plain HTTP, and would otherwise send the cookie without the flag.
 */
@WebListener
public class SecureCookies implements ServletContextListener {

    @Inject
    PublicAddress address;

    /** Reading the settings here also stops the deployment on a malformed public URL or proxy list, before any request. */
    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (address.isConfiguredHttps()) {
            event.getServletContext().getSessionCookieConfig().setSecure(true);
        }
    }
}
