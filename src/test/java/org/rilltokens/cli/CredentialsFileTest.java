package org.rilltokens.cli;

import static java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE;
import static java.nio.file.attribute.PosixFilePermission.OWNER_READ;
import static java.nio.file.attribute.PosixFilePermission.OWNER_WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsFileTest {

    private static final Credentials ALICE = new Credentials("http://localhost:8080", "rill_usr_" + "a".repeat(61), "alice@acme.example");

    @TempDir
    Path home;

    @Test
    void theSavedLoginIsReadableByItsOwnerOnly() throws Exception {
        CredentialsFile file = new CredentialsFile(home.resolve(".rill"));

        file.write(ALICE);

        assertThat(Files.getPosixFilePermissions(file.path())).containsExactlyInAnyOrder(OWNER_READ, OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(file.path().getParent())).containsExactlyInAnyOrder(OWNER_READ, OWNER_WRITE, OWNER_EXECUTE);
        assertThat(file.read()).contains(ALICE);
    }

    @Test
    void replacingAWorldReadableFileLeavesItPrivateAndNoTemporaryFilesBehind() throws Exception {
        Path dir = Files.createDirectories(home.resolve("config"));
        Path existing = Files.writeString(dir.resolve(CredentialsFile.NAME), "{}");
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-r--r--"));
        CredentialsFile file = new CredentialsFile(dir);

        file.write(ALICE);

        assertThat(Files.getPosixFilePermissions(existing)).containsExactlyInAnyOrder(OWNER_READ, OWNER_WRITE);
        try (var listed = Files.list(dir)) {
            assertThat(listed).containsExactly(existing);
        }
        assertThat(file.read()).contains(ALICE);
    }

    @Test
    void noFileMeansNoLoginAndAGarbledOneIsAUsageErrorNamingIt() throws Exception {
        CredentialsFile file = new CredentialsFile(home.resolve(".rill"));
        assertThat(file.read()).isEmpty();
        assertThat(file.delete()).isFalse();

        Files.createDirectories(file.path().getParent());
        Files.writeString(file.path(), "{\"apiUrl\": 42}");

        assertThatThrownBy(file::read).isInstanceOf(Failure.class).hasMessageContaining(file.path().toString())
                .hasMessageContaining("run rill login again")
                .satisfies(e -> assertThat(((Failure) e).exitCode()).isEqualTo(Failure.USAGE));
        assertThat(file.delete()).isTrue();
        assertThat(file.path()).doesNotExist();
    }

    @Test
    void theTokenStaysOutOfToString() {
        assertThat(ALICE.toString()).doesNotContain(ALICE.token()).contains("alice@acme.example");
    }
}
