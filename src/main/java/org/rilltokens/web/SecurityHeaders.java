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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The response headers of every page, in one place. The policy allows only this server's own
 * scripts, styles and forms (no inline script or style: the pages have none), no framing, no
 * referrer; over HTTPS, browsers are told to stay on HTTPS. Pages and API answers are never stored by browsers or proxies, because a page may be
 * showing a new token; only the static stylesheet and script may be cached.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class SecurityHeaders extends HttpFilter {

    /** Every page's policy, directive by directive. */
    private static final Map<String, String> BASE = directives(
            "default-src", "'self'",
            "script-src", "'self'",
            "style-src", "'self'",
            "img-src", "'self'",
            "object-src", "'none'",
            "base-uri", "'none'",
            "form-action", "'self'",
            "frame-ancestors", "'none'");

    /**
     * What a page needs beyond {@link #BASE}, by context-relative path: its sources are added to the
     * directive's (none does today). Pages never set the header themselves, so none can drop a directive.
     */
    private static final Map<String, Map<String, String>> ADDED_FOR_PAGE = Map.of();

    static final String POLICY = policy(Map.of());

    /** The base policy with {@code added} sources appended to their directives. */
    static String policy(Map<String, String> added) {
        Map<String, String> merged = new LinkedHashMap<>(BASE);
        added.forEach((directive, sources) -> merged.merge(directive, sources, (base, more) -> base + " " + more));
        return merged.entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue()).collect(Collectors.joining("; "));
    }

    private static Map<String, String> directives(String... pairs) {
        Map<String, String> directives = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            directives.put(pairs[i], pairs[i + 1]);
        }
        return directives;
    }

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
        Map<String, String> added = ADDED_FOR_PAGE.get(pathOf(request));
        response.setHeader("Content-Security-Policy", added == null ? POLICY : policy(added));
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

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static boolean isStaticResource(HttpServletRequest request) {
        String path = pathOf(request);
        return path.startsWith("/jakarta.faces.resource/") || path.startsWith("/static/");
    }
}
