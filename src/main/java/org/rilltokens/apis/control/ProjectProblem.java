package org.rilltokens.apis.control;

/**
 * Why part of a project is not served as its files say: {@code file} is relative to the project's folder
 * (e.g. {@code apis/sales.yaml}), {@code line} is 1-based.
 */
public record ProjectProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
