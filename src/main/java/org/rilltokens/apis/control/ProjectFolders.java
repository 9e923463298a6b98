package org.rilltokens.apis.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rilltokens.access.boundary.FolderMoved;

/**
 * Keeps the project folders in step with the names administrators give: a new project gets its empty
 * {@code apis/} and {@code data/} folders, a renamed project or organization takes its folder along. A deleted
 * project's files are left alone (they may be the only copy). Runs after the change committed; a folder
 * that cannot be made or moved is logged, and the change stands.
 */
@ApplicationScoped
public class ProjectFolders {

    @Inject
    @ConfigProperty(name = ProjectCatalog.DIRECTORY, defaultValue = ProjectCatalog.DIRECTORY_DEFAULT)
    String directory;

    @Inject
    Logger log;

    void follow(@Observes(during = TransactionPhase.AFTER_SUCCESS) FolderMoved moved) {
        Path root = Paths.get(directory).toAbsolutePath().normalize();
        try {
            if (moved.from() == null) {
                Files.createDirectories(root.resolve(moved.to()).resolve("apis"));
                Files.createDirectories(root.resolve(moved.to()).resolve("data"));
            } else if (moved.to() != null && Files.isDirectory(root.resolve(moved.from()))) {
                Files.createDirectories(root.resolve(moved.to()).getParent());
                Files.move(root.resolve(moved.from()), root.resolve(moved.to()));
            } else if (moved.to() == null) {
                log.log(Level.INFO, "Project {0} was deleted; its folder under {1} is left as it was", new Object[] {moved.from(), root});
            }
        } catch (IOException e) {
            log.log(Level.WARNING, "The folder of project {0} could not follow the change under {1}: {2}",
                    new Object[] {moved.to() == null ? moved.from() : moved.to(), root, e.toString()});
        }
    }
}
