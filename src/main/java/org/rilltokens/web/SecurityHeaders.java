package org.rilltokens.web;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The response headers of every page, in one place. The policy allows only this server's own
 * scripts, styles and forms (no inline script or style: the pages have none), no framing, no
 * referrer; over HTTPS, browsers are told to stay on HTTPS. Pages and API answers are never stored by browsers or proxies, because a page may be
 * showing a new token; only the static stylesheet and script may be cached.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class SecurityHeaders extends HttpFilter {

    static final String POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    @Inject
    PublicAddress address;

    /**
     * The policy of a page whose form sends the browser on to {@code origin} (the OAuth consent page, which answers
     * with a redirect to the client): browsers check a form's redirects against form-action too.
     */
    public static String policyWithFormsTo(String origin) {
        return POLICY.replace("form-action 'self'", "form-action 'self' " + origin);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        if (address.isHttps(request)) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        if (!isStaticResource(request)) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }

    private static boolean isStaticResource(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/jakarta.faces.resource/") || path.startsWith("/static/");
    }
}
