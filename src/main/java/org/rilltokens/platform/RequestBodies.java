package org.rilltokens.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first filter of every request (web.xml): a body larger than its endpoint takes is refused with 413 before
 * a byte of it is read, from its {@code Content-Length}; a body without one (chunked) is cut off at the limit
 * while it is read. Only so many requests may be receiving a body at once, in total and per client address, and
 * each body must arrive within a deadline: slow senders cannot hold more than a share of the server's workers.
 * Portal forms need a {@code Content-Length} (browsers always send one), because the container parses them
 * without this filter seeing the bytes.
 */
public class RequestBodies extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    Instance<BodyLimit> featureLimits;

    @Inject
    @ConfigProperty(name = "rill.http.max-body-bytes", defaultValue = "65536")
    long maxBodyBytes;

    @Inject
    @ConfigProperty(name = "rill.http.body-timeout-seconds", defaultValue = "20")
    int bodyTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "rill.http.max-body-readers", defaultValue = "64")
    int maxReaders;

    @Inject
    @ConfigProperty(name = "rill.http.max-body-readers-per-address", defaultValue = "16")
    int maxReadersPerAddress;

    private transient List<BodyLimit> limits;
    private transient BodyReaders readers;

    @PostConstruct
    void configure() {
        BodyLimit api = BodyLimit.api(path -> path.startsWith("/v1/"), maxBodyBytes);
        BodyLimit portal = new BodyLimit(path -> true, maxBodyBytes, "text/html;charset=UTF-8", RequestBodies::page);
        limits = Stream.concat(featureLimits.stream(), Stream.of(api, portal)).toList();
        readers = new BodyReaders(maxReaders, maxReadersPerAddress);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long declared = request.getContentLengthLong();
        boolean chunked = request.getHeader("Transfer-Encoding") != null;
        if (declared <= 0 && !chunked) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        BodyLimit limit = limits.stream().filter(candidate -> candidate.covers(path)).findFirst().orElseThrow();
        if (declared > limit.maxBytes()) {
            refuse(response, limit, new DomainException(DomainException.Kind.PAYLOAD_TOO_LARGE, null, tooLarge(limit.maxBytes()), List.of()));
        } else if (declared < 0 && !path.startsWith("/v1/")) {
            refuse(response, limit, new DomainException(DomainException.Kind.LENGTH_REQUIRED, null,
                    "Send the form with a Content-Length", List.of()));
        } else {
            receive(request, response, chain, limit);
        }
    }

    private void receive(HttpServletRequest request, HttpServletResponse response, FilterChain chain, BodyLimit limit)
            throws IOException, ServletException {
        String address = request.getRemoteAddr();
        BodyReaders.Admission admission = readers.enter(address);
        if (admission != BodyReaders.Admission.ADMITTED) {
            refuse(response, limit, busy(admission));
            return;
        }
        LimitedBody body = new LimitedBody(request, limit.maxBytes(), Duration.ofSeconds(bodyTimeoutSeconds));
        try {
            chain.doFilter(body, new Unanswerable(response, body));
        } catch (RuntimeException | IOException | ServletException e) {
            Optional<DomainException> refusal = body.refusal();
            if (refusal.isEmpty() || response.isCommitted()) {
                throw e;
            }
            if (!body.brokenOff()) {
                refuse(response, limit, refusal.get());
            }
        } finally {
            readers.leave(address);
        }
    }

    private static DomainException busy(BodyReaders.Admission admission) {
        return admission == BodyReaders.Admission.ADDRESS_BUSY
                ? DomainException.retryLater(DomainException.Kind.RESOURCE_EXHAUSTED,
                        "Too many requests from your address are sending a body at once; try again shortly", Duration.ofSeconds(1))
                : DomainException.retryLater(DomainException.Kind.UNAVAILABLE,
                        "The server is receiving too many request bodies at once; try again shortly", Duration.ofSeconds(1));
    }

    static String tooLarge(long maxBytes) {
        return "The request body is larger than the " + maxBytes + " bytes this endpoint accepts";
    }

    /** Answers without reading the rest of the body, so the connection is closed afterwards rather than drained. */
    private static void refuse(HttpServletResponse response, BodyLimit limit, DomainException refusal) throws IOException {
        response.reset();
        response.setStatus(refusal.kind().status);
        response.setHeader("Connection", "close");
        refusal.retryAfter().ifPresent(wait -> response.setHeader("Retry-After", ApiErrors.seconds(wait)));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(limit.contentType());
        byte[] text = limit.refusal().apply(refusal).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(text.length);
        response.getOutputStream().write(text);
    }

    private static String page(DomainException refusal) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not accepted</title></head><body>"
                + "<h1>This form was not accepted</h1><p>" + refusal.getMessage().replace("<", "&lt;")
                + "</p><p><a href=\"/\">Back to your tokens</a></p></body></html>";
    }
}
