package org.rilltokens.cli;

/**
 * Why a command stops without doing what it was asked, and the exit code it ends with. The message is
 * printed as it is, so it says what to do next; a stack trace is never shown.
 */
class Failure extends RuntimeException {

    /** The server said no (or a question was answered no): its message is printed. */
    static final int REFUSED = 1;
    /** The command line (or the saved login) cannot work: nothing was sent. */
    static final int USAGE = 2;
    /** The server could not be reached. */
    static final int UNREACHABLE = 3;

    private final int exitCode;

    Failure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    static Failure refused(String message) {
        return new Failure(REFUSED, message);
    }

    static Failure usage(String message) {
        return new Failure(USAGE, message);
    }

    static Failure unreachable(String message) {
        return new Failure(UNREACHABLE, message);
    }

    int exitCode() {
        return exitCode;
    }
}
