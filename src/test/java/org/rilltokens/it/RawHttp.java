package org.rilltokens.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for what an HTTP client library will not send: a body shorter than its
 * Content-Length, a huge declared body of which only the start is sent, a chunked body of any size.
 */
final class RawHttp {

    record Answer(int status, String head, String body) {

        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /** Sends {@code head} (request line and headers, without the blank line) and then {@code bodyBytes} bytes of 'a'. */
    Answer send(String head, long bodyBytes) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            writeBody(out, bodyBytes);
            return read(socket.getInputStream());
        }
    }

    /** Sends a chunked body of {@code total} bytes in 8 KiB chunks, stopping early if the server answers. */
    Answer chunked(String head, long total) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = ("2000\r\n" + "a".repeat(8192) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            try {
                for (long sent = 0; sent < total; sent += 8192) {
                    out.write(chunk);
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            } catch (SocketException e) {
                // The server answered and closed without reading the rest: what a limit should do.
            }
            return read(socket.getInputStream());
        }
    }

    /** Declares {@code declared} bytes, sends {@code sent}, then closes: a client that breaks off. */
    void breakOff(String head, long declared, int sent) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\nHost: localhost\r\nContent-Length: " + declared + "\r\n\r\n" + "a".repeat(sent))
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
    }

    private static void writeBody(OutputStream out, long bodyBytes) throws IOException {
        byte[] block = "a".repeat(8192).getBytes(StandardCharsets.ISO_8859_1);
        try {
            for (long sent = 0; sent < bodyBytes; sent += block.length) {
                out.write(block, 0, (int) Math.min(block.length, bodyBytes - sent));
            }
        } catch (SocketException e) {
            // Refused and closed before the body was read.
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) != -1; ) {
                all.write(buffer, 0, n);
                if (complete(all.toString(StandardCharsets.UTF_8))) {
                    break;
                }
            }
        } catch (SocketTimeoutException | SocketException e) {
            if (all.size() == 0) {
                throw e;
            }
        }
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("No complete answer: " + text);
        }
        return new Answer(Integer.parseInt(text.substring(9, 12)), text.substring(0, end), text.substring(end + 4));
    }

    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = text.substring(0, end).toLowerCase(Locale.ROOT);
        int at = head.indexOf("content-length:");
        if (at < 0) {
            return false;
        }
        int length = Integer.parseInt(head.substring(at + 15, head.indexOf("\r\n", at) < 0 ? head.length() : head.indexOf("\r\n", at)).trim());
        return text.getBytes(StandardCharsets.UTF_8).length - end - 4 >= length;
    }
}
