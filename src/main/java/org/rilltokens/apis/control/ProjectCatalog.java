package org.rilltokens.apis.control;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The projects' files, read once at startup from {@code <projects dir>/<org>/<project>/}: {@code apis/*.yaml}
 * (one API each), {@code data/*.csv} (one table each), and an optional {@code project.yaml} naming an
 * external database instead. A broken file is reported with its path and line; the rest still load.
 */
@Singleton
@Startup
// Read-only after startup: no container lock needed around lookups.
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ProjectCatalog {

    /** A project's APIs by name, and its data. */
    public record LoadedProject(String org, String name, Map<String, ApiDefinition> apis, ProjectData data) {
    }

    @Inject
    @ConfigProperty(name = "rill.projects.dir", defaultValue = "./server-config/projects")
    String directory;

    @Inject
    Logger log;

    @Resource
    ManagedThreadFactory threads;

    private final Map<String, LoadedProject> projects = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();

    @PostConstruct
    void load() {
        Path root = Paths.get(directory).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            log.log(Level.INFO, "No projects directory at {0}: no custom APIs are served", root);
            return;
        }
        for (Path org : children(root)) {
            for (Path project : children(org)) {
                LoadedProject loaded = loadProject(org.getFileName().toString(), project);
                projects.put(key(loaded.org(), loaded.name()), loaded);
            }
        }
        log.log(Level.INFO, "Loaded {0} projects with custom APIs from {1}; {2} problems",
                new Object[] {projects.size(), root, problems.size()});
    }

    private LoadedProject loadProject(String org, Path folder) {
        Map<String, ApiDefinition> apis = new TreeMap<>();
        for (Path file : files(folder.resolve("apis"), ".yaml", ".yml")) {
            try {
                ApiDefinition api = ApiFileReader.read(file);
                apis.put(api.name(), api);
            } catch (InvalidProjectFile e) {
                problem(e.getMessage());
            }
        }
        return new LoadedProject(org, folder.getFileName().toString(), apis, data(folder));
    }

    private ProjectData data(Path folder) {
        Path settings = folder.resolve("project.yaml");
        try {
            if (Files.exists(settings)) {
                return external(settings);
            }
            return ProjectData.embedded(files(folder.resolve("data"), ".csv"));
        } catch (InvalidProjectFile e) {
            problem(e.getMessage());
            return emptyData();
        } catch (IOException | SQLException | RuntimeException e) {
            problem(folder + ": its data could not be loaded: " + e.getMessage());
            return emptyData();
        }
    }

    /** An empty private database, still queried as the read-only user: a broken project never runs SQL as an admin. */
    private ProjectData emptyData() {
        try {
            return ProjectData.embedded(List.of());
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("an empty in-memory database could not be created", e);
        }
    }

    /** {@code project.yaml}: the project's own database instead of its CSV files. */
    record Settings(@JsonProperty("jdbc_url") String jdbcUrl, String user, @JsonProperty("password_env") String passwordEnv) {
    }

    private ProjectData external(Path file) throws InvalidProjectFile {
        YamlFile yaml = YamlFile.read(file);
        Settings settings = yaml.bind(Settings.class).filter(s -> s.jdbcUrl() != null)
                .orElseThrow(() -> yaml.problem(1, "'jdbc_url' is required"));
        String password = settings.passwordEnv() == null ? "" : Optional.ofNullable(System.getenv(settings.passwordEnv())).orElse("");
        return ProjectData.external(settings.jdbcUrl(), Optional.ofNullable(settings.user()).orElse(""), password, threads);
    }

    private void problem(String message) {
        problems.add(message);
        log.log(Level.WARNING, "Custom API problem: {0}", message);
    }

    public Optional<LoadedProject> project(String org, String name) {
        return Optional.ofNullable(projects.get(key(org, name)));
    }

    /** What could not be loaded at startup, one line per problem with its file and line. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    @PreDestroy
    void close() {
        projects.values().forEach(project -> project.data().close());
    }

    private static String key(String org, String project) {
        return org + "/" + project;
    }

    private static List<Path> children(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<Path> files(Path folder, String... suffixes) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile)
                    .filter(file -> Stream.of(suffixes).anyMatch(suffix -> file.getFileName().toString().endsWith(suffix)))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
