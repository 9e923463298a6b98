package org.rilltokens.notices.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends letters through the SMTP server of RILL_SMTP_HOST (port, user, password, from, STARTTLS), on the container's
 * managed executor: the request that caused a letter never waits for it, and a server that is down or refuses
 * costs a log line, nothing more. Without a host nothing is sent and everything works through the portal.
 */
@ApplicationScoped
public class Mail {

    /** Seconds to connect, read and write: a stuck mail server must not hold executor threads for long. */
    private static final String TIMEOUT_MILLIS = "10000";

    @Inject
    @ConfigProperty(name = "rill.smtp.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "rill.smtp.port", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "rill.smtp.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "rill.smtp.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "rill.smtp.from")
    Optional<String> from;

    /** off, when-offered (the default: encrypt if the server can), required (refuse to send in the clear). */
    @Inject
    @ConfigProperty(name = "rill.smtp.starttls", defaultValue = "when-offered")
    String starttls;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ExecutorService executor;

    @Inject
    Logger log;

    private Session session;
    private InternetAddress sender;

    @PostConstruct
    void configure() {
        if (host.filter(name -> !name.isBlank()).isEmpty()) {
            log.info("No RILL_SMTP_HOST: notices are shown in the portal only, no email is sent");
            return;
        }
        try {
            sender = new InternetAddress(from.orElse("rill-tokens@" + host.get().strip()), true);
        } catch (MessagingException e) {
            log.log(Level.WARNING, "RILL_SMTP_FROM is not an email address ({0}): no email is sent", e.getMessage());
            return;
        }
        session = user.isPresent() ? Session.getInstance(properties(true), new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user.get(), password.orElse(""));
            }
        }) : Session.getInstance(properties(false));
        log.log(Level.INFO, "Notices are emailed through {0}:{1} (STARTTLS {2}) from {3}",
                new Object[] {host.get().strip(), String.valueOf(port), starttls, sender});
    }

    private Properties properties(boolean auth) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host.get().strip());
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.auth", String.valueOf(auth));
        String tls = starttls.strip().toLowerCase(Locale.ROOT);
        properties.put("mail.smtp.starttls.enable", String.valueOf(!tls.equals("off")));
        properties.put("mail.smtp.starttls.required", String.valueOf(tls.equals("required")));
        properties.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.timeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        return properties;
    }

    public boolean isConfigured() {
        return session != null;
    }

    /** Queues the letter and returns at once; does nothing without SMTP. */
    public void send(Letter letter) {
        if (session == null) {
            return;
        }
        try {
            executor.execute(() -> deliver(letter));
        } catch (RejectedExecutionException e) {
            log.log(Level.WARNING, "Could not queue {0}: {1}", new Object[] {letter, e.toString()});
        }
    }

    private void deliver(Letter letter) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(sender);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(letter.to(), true));
            message.setSubject(letter.subject(), "UTF-8");
            message.setText(letter.body(), "UTF-8");
            message.setSentDate(new Date());
            Transport.send(message);
        } catch (MessagingException | RuntimeException e) {
            // The letter's toString has no body (an invitation's link), and the exception no password.
            log.log(Level.WARNING, "Could not send {0}: {1}", new Object[] {letter, e.toString()});
        }
    }
}
