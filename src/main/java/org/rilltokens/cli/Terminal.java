package org.rilltokens.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The person at the keyboard, if there is one. Commands ask questions only when rill runs in a terminal;
 * in a script (input or output redirected) they never wait for an answer that will not come.
 */
final class Terminal {

    private final BufferedReader in;
    private final PrintWriter prompts;

    private Terminal(BufferedReader in, PrintWriter prompts) {
        this.in = in;
        this.prompts = prompts;
    }

    static Terminal system() {
        Console console = System.console();
        return console == null ? none() : new Terminal(new BufferedReader(console.reader()), console.writer());
    }

    /** No one to ask: rill runs in a script. */
    static Terminal none() {
        return new Terminal(null, null);
    }

    /** A person who types {@code answers}, one a line; for tests. */
    static Terminal typing(BufferedReader answers, PrintWriter prompts) {
        return new Terminal(answers, prompts);
    }

    boolean isInteractive() {
        return in != null;
    }

    /** The answer to {@code prompt}, stripped; null when the input ends (Ctrl-D). */
    String ask(String prompt) {
        if (!isInteractive()) {
            throw new IllegalStateException("no terminal to ask: " + prompt);
        }
        prompts.print(prompt);
        prompts.flush();
        try {
            String line = in.readLine();
            return line == null ? null : line.strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A yes/no question whose default is no. */
    boolean confirm(String question) {
        String answer = ask(question + " [y/N] ");
        return answer != null && (answer.equalsIgnoreCase("y") || answer.toLowerCase(Locale.ROOT).equals("yes"));
    }

    /** Something the person should read before answering. */
    void tell(String text) {
        prompts.println(text);
        prompts.flush();
    }

    /**
     * Goes on when {@code yes} (the command's --yes) was given or the person confirms {@code question}. In a script
     * without --yes it is the usage error {@code unconfirmed}; a "no" ends the command with {@code declined}.
     */
    void confirmUnless(boolean yes, String unconfirmed, String question, String declined) {
        if (yes) {
            return;
        }
        if (!isInteractive()) {
            throw Failure.usage(unconfirmed);
        }
        if (!confirm(question)) {
            throw Failure.refused(declined);
        }
    }

    /**
     * Like {@link #confirmUnless}, for what cannot be undone: the person must type {@code expected} (a name) rather
     * than answer yes, as the portal asks.
     */
    void confirmTypedUnless(boolean yes, String unconfirmed, String expected, String question, String declined) {
        if (yes) {
            return;
        }
        if (!isInteractive()) {
            throw Failure.usage(unconfirmed);
        }
        tell(question);
        if (!expected.equals(ask("Type " + expected + " to confirm: "))) {
            throw Failure.refused(declined);
        }
    }
}
