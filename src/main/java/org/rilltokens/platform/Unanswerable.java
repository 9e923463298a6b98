package org.rilltokens.platform;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * The response to a request whose body was stopped. Once the client has broken off its body, whatever the
 * application answers goes nowhere, quietly: writing it to the closed connection would fail again in each layer,
 * each logging a stack trace. A body refused for its size or time is answered, and then the connection is closed
 * rather than the rest of the body read and thrown away.
 */
final class Unanswerable extends HttpServletResponseWrapper {

    private final LimitedBody body;

    Unanswerable(HttpServletResponse response, LimitedBody body) {
        super(response);
        this.body = body;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        closeAfterRefusal();
        return body.brokenOff() ? Discarded.STREAM : super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        closeAfterRefusal();
        return body.brokenOff() ? new PrintWriter(Discarded.STREAM) : super.getWriter();
    }

    @Override
    public void flushBuffer() throws IOException {
        closeAfterRefusal();
        if (!body.brokenOff()) {
            super.flushBuffer();
        }
    }

    private void closeAfterRefusal() {
        if (body.refusal().isPresent() && !isCommitted()) {
            setHeader("Connection", "close");
        }
    }

    private static final class Discarded extends ServletOutputStream {

        static final Discarded STREAM = new Discarded();

        @Override
        public void write(int b) {
            // Nobody is listening.
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            // Nobody is listening.
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new IllegalStateException("The client has gone");
        }
    }
}
