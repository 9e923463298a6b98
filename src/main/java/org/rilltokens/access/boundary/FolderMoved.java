package org.rilltokens.access.boundary;

/**
 * Fired once a change of organization or project names has committed, so that the project files can
 * follow: {@code from} and {@code to} are paths under the projects folder ({@code acme} or {@code acme/sales});
 * {@code from} is null for a new project, {@code to} null for a deleted one.
 */
public record FolderMoved(String from, String to) {
}
