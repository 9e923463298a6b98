package org.rilltokens.cli;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * {@code credentials.json} in ~/.rill (or $RILL_CONFIG_DIR): the saved login. The token in it acts as its
 * owner, so the file is readable by its owner only (mode 600, folder 700) from the moment it exists.
 */
final class CredentialsFile {

    static final String NAME = "credentials.json";

    private final Path path;

    CredentialsFile(Path dir) {
        this.path = dir.resolve(NAME);
    }

    Path path() {
        return path;
    }

    Optional<Credentials> read() {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            JsonObject saved = Json.createReader(reader).readObject();
            return Optional.of(new Credentials(saved.getString("apiUrl"), saved.getString("token"), saved.getString("email", null)));
        } catch (IOException e) {
            throw Failure.usage("Cannot read the saved login " + path + ": " + e.getMessage());
        } catch (JsonException | ClassCastException | NullPointerException e) {
            throw Failure.usage(path + " is not a saved rill login: delete it and run rill login again");
        }
    }

    void write(Credentials credentials) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("apiUrl", credentials.apiUrl()).add("token", credentials.token());
        if (credentials.email() != null) {
            json.add("email", credentials.email());
        }
        try {
            Path dir = path.toAbsolutePath().getParent();
            createPrivateDirectory(dir);
            // Written beside the old file and renamed over it: never a half-written or world-readable moment.
            Path next = posix() ? Files.createTempFile(dir, ".credentials", ".tmp", ownerOnly("rw-------"))
                    : Files.createTempFile(dir, ".credentials", ".tmp");
            Files.writeString(next, json.build().toString() + "\n", StandardCharsets.UTF_8);
            Files.move(next, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw Failure.usage("Cannot save the login in " + path + ": " + e.getMessage());
        }
    }

    boolean delete() {
        try {
            return Files.deleteIfExists(path);
        } catch (IOException e) {
            throw Failure.usage("Cannot delete the saved login " + path + ": " + e.getMessage());
        }
    }

    private void createPrivateDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            if (posix()) {
                Files.createDirectories(dir.getParent());
                Files.createDirectory(dir, ownerOnly("rwx------"));
            } else {
                Files.createDirectories(dir);
            }
        } catch (FileAlreadyExistsException raced) {
            // Another rill created it meanwhile: fine.
        }
    }

    private boolean posix() {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<?> ownerOnly(String permissions) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
    }
}
