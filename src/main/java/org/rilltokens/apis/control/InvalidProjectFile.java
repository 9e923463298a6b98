package org.rilltokens.apis.control;

import java.nio.file.Path;
import java.util.Objects;

/** A project file that cannot be served as it is, and where to look: the file, its 1-based line, what is wrong. */
public class InvalidProjectFile extends Exception {

    private final Path file;
    private final int line;
    private final String problem;

    public InvalidProjectFile(Path file, int line, String problem) {
        super(file + ":" + line + ": " + problem, null, false, false);
        this.file = Objects.requireNonNull(file);
        this.line = line;
        this.problem = Objects.requireNonNull(problem);
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    /** What is wrong, without the file and line. */
    public String problem() {
        return problem;
    }
}
