package org.rilltokens.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) in the test JVM, started before the shared test server, which gets it as
 * RILL_SMTP_HOST/PORT: every mail that server sends lands here, and tests read the mails of their own addresses.
 */
final class Mailbox {

    /** One received mail: its decoded subject and text, and the whole message as sent (headers and encoded body). */
    record Mail(String to, String subject, String text, String raw) {
    }

    private static GreenMail server;

    private Mailbox() {
    }

    /** Starts the SMTP server on a free loopback port; answers the RILL_SMTP_* settings that point at it. */
    static synchronized Map<String, String> start() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return Map.of("RILL_SMTP_HOST", "127.0.0.1", "RILL_SMTP_PORT", String.valueOf(port),
                "RILL_SMTP_FROM", "rill-tokens@test.example", "RILL_SMTP_STARTTLS", "when-offered");
    }

    static synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Whether this run's test server sends its mail here (not when the tests talk to a server started elsewhere). */
    static synchronized boolean isRunning() {
        return server != null;
    }

    /** The mails to {@code email} received so far, oldest first. */
    static synchronized List<Mail> to(String email) {
        return Arrays.stream(server.getReceivedMessages()).filter(message -> addressedTo(message, email))
                .map(message -> read(message, email)).toList();
    }

    /** Waits (up to 30 s: sending is asynchronous) until {@code email} has at least {@code count} mails; answers them all. */
    static List<Mail> await(String email, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        List<Mail> mails = to(email);
        while (mails.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            mails = to(email);
        }
        return mails;
    }

    private static boolean addressedTo(MimeMessage message, String email) {
        try {
            Address[] to = message.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(address -> address.toString().equalsIgnoreCase(email));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Mail read(MimeMessage message, String email) {
        try {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            message.writeTo(raw);
            return new Mail(email, message.getSubject(), String.valueOf(message.getContent()), raw.toString(StandardCharsets.UTF_8));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
