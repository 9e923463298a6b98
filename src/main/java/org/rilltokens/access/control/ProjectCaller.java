package org.rilltokens.access.control;

/** A user seen from one project: their effective access to it and the attributes its policies see. */
public record ProjectCaller(ProjectAccess access, PolicyAttributes attributes) {
}
