package org.rilltokens.platform;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A request whose body can be read only up to a limit and until a deadline: past either, reading fails with a
 * {@link DomainException} (413, 408) that {@link RequestBodies} answers. A body the client breaks off ends the
 * request with one short log line, not a stack trace per layer.
 */
final class LimitedBody extends HttpServletRequestWrapper {

    private static final Logger LOG = Logger.getLogger(LimitedBody.class.getName());

    private final long maxBytes;
    private final long deadlineNanos;
    private final Duration timeout;
    private ServletInputStream stream;
    private DomainException refusal;
    private boolean brokenOff;

    LimitedBody(HttpServletRequest request, long maxBytes, Duration timeout) {
        super(request);
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
    }

    /** Whether the client went away in the middle of its body: nobody is left to answer. */
    boolean brokenOff() {
        return brokenOff;
    }

    /** Why reading the body was stopped, if it was. */
    Optional<DomainException> refusal() {
        return Optional.ofNullable(refusal);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            stream = new Counted(super.getInputStream());
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        Charset charset = Optional.ofNullable(getCharacterEncoding()).filter(Charset::isSupported).map(Charset::forName)
                .orElse(StandardCharsets.UTF_8);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    private DomainException refuse(DomainException.Kind kind, String message) {
        refusal = new DomainException(kind, null, message, List.of());
        return refusal;
    }

    private final class Counted extends ServletInputStream {

        private final ServletInputStream body;
        private long count;

        Counted(ServletInputStream body) {
            this.body = body;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (refusal != null) {
                throw refusal;
            }
            if (System.nanoTime() - deadlineNanos > 0) {
                throw refuse(DomainException.Kind.REQUEST_TIMEOUT, "The request body did not arrive within "
                        + timeout.toSeconds() + " seconds");
            }
            int read;
            try {
                read = body.read(buffer, offset, (int) Math.min(length, maxBytes + 1 - count));
            } catch (IOException e) {
                throw aborted();
            }
            if (read == -1 && getContentLengthLong() > count) {
                throw aborted();
            }
            count += Math.max(read, 0);
            if (count > maxBytes) {
                throw refuse(DomainException.Kind.PAYLOAD_TOO_LARGE, RequestBodies.tooLarge(maxBytes));
            }
            return read;
        }

        private DomainException aborted() {
            brokenOff = true;
            LOG.log(Level.INFO, "Request body broken off by the client after {0} bytes: {1} {2} from {3}",
                    new Object[] {count, getMethod(), getRequestURI(), getRemoteAddr()});
            return refuse(DomainException.Kind.INVALID_ARGUMENT, "The request body ended before it was complete");
        }

        @Override
        public boolean isFinished() {
            return refusal != null || body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
