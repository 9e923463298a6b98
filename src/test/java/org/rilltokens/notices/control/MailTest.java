package org.rilltokens.notices.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Mail} against a real SMTP server (GreenMail) on loopback, and against none. */
class MailTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private GreenMail smtp;

    @AfterEach
    void stop() {
        executor.shutdownNow();
        if (smtp != null) {
            smtp.stop();
        }
    }

    private Mail mail(String host, int port) {
        Mail mail = new Mail();
        mail.host = Optional.ofNullable(host);
        mail.port = port;
        mail.user = Optional.empty();
        mail.password = Optional.empty();
        mail.from = Optional.of("rill-tokens@test.example");
        mail.starttls = "when-offered";
        mail.executor = executor;
        mail.log = Logger.getAnonymousLogger();
        mail.log.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        mail.configure();
        return mail;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aLetterArrivesFromTheConfiguredSenderAsPlainUtf8Text() throws Exception {
        int port = freePort();
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();

        mail("127.0.0.1", port).send(new Letter("bob@acme.example", "Your token “Démo” expires", "Hello Bob,\n\nrotate it.\n"));

        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getFrom()[0].toString()).isEqualTo("rill-tokens@test.example");
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo("bob@acme.example");
        assertThat(received.getSubject()).isEqualTo("Your token “Démo” expires");
        assertThat(received.getContent().toString().replace("\r\n", "\n").strip()).isEqualTo("Hello Bob,\n\nrotate it.");
    }

    @Test
    void anUnreachableServerNeitherBlocksNorThrowsAndTheLogLineHasNoBody() throws Exception {
        Mail mail = mail("127.0.0.1", freePort());
        long started = System.nanoTime();

        mail.send(new Letter("new@partner.example", "Invitation to Acme", "open https://x.example/invite#s3cr3t"));

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(500);
        executor.shutdown();
        assertThat(executor.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(logged).anySatisfy(record -> assertThat(java.text.MessageFormat.format(record.getMessage(), record.getParameters()))
                .startsWith("Could not send Letter[to=new@partner.example, subject=Invitation to Acme]").doesNotContain("s3cr3t"));
    }

    @Test
    void withoutAHostNothingIsSentOrQueued() {
        Mail mail = mail(null, 25);

        mail.send(new Letter("bob@acme.example", "subject", "body"));

        assertThat(mail.isConfigured()).isFalse();
        assertThat(executor.shutdownNow()).isEmpty();
    }
}
