package org.rilltokens.it;

import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Test-only window for {@link HostileInputIT} (never shipped): the heap in use after a full collection, and
 * how much the server logged between {@code log-start} and {@code log-stop} (records, and characters of
 * message plus stack trace).
 */
@WebServlet("/__hostile/*")
@ServletSecurity
public class HostileProbe extends HttpServlet {

    private static final AtomicLong RECORDS = new AtomicLong();
    private static final AtomicLong CHARS = new AtomicLong();
    private static final Handler COUNTER = new Handler() {
        @Override
        public void publish(LogRecord record) {
            RECORDS.incrementAndGet();
            long size = String.valueOf(record.getMessage()).length();
            for (Throwable e = record.getThrown(); e != null; e = e.getCause()) {
                size += String.valueOf(e).length() + 60L * e.getStackTrace().length;
            }
            CHARS.addAndGet(size);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String answer = switch (request.getPathInfo()) {
            case "/heap" -> String.valueOf(heapInUse());
            case "/log-start" -> {
                RECORDS.set(0);
                CHARS.set(0);
                Logger.getLogger("").removeHandler(COUNTER);
                Logger.getLogger("").addHandler(COUNTER);
                yield "counting";
            }
            case "/log-stop" -> {
                Logger.getLogger("").removeHandler(COUNTER);
                yield RECORDS.get() + " " + CHARS.get();
            }
            default -> throw new IllegalArgumentException(request.getPathInfo());
        };
        response.setContentType("text/plain");
        response.getWriter().write(answer);
    }

    private static long heapInUse() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
