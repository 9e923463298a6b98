package org.rilltokens.apis.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.yaml.snakeyaml.Yaml;

/**
 * The projects' files, read once at startup from {@code <projects dir>/<org>/<project>/}: {@code apis/*.yaml}
 * (one API each), {@code data/*.csv} (one table each), an optional {@code project.yaml} naming an
 * external database instead, and an optional {@code rill.yaml} with instructions for AI assistants. A broken file is reported with its path and line; the rest still load.
 */
@Singleton
@Startup
// Read-only after startup: no container lock needed around lookups.
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ProjectCatalog {

    /** A project's APIs by name, its data, and what its authors tell AI assistants (null when nothing). */
    public record LoadedProject(String org, String name, Map<String, ApiDefinition> apis, ProjectData data,
            String aiInstructions) {
    }

    private static final Set<String> PROJECT_FIELDS = Set.of("jdbc_url", "user", "password_env");

    @Inject
    @ConfigProperty(name = "rill.projects.dir", defaultValue = "./server-config/projects")
    String directory;

    @Inject
    Logger log;

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
            } catch (ApiFileReader.InvalidApiFile e) {
                problem(e.getMessage());
            }
        }
        return new LoadedProject(org, folder.getFileName().toString(), apis, data(folder), aiInstructions(folder));
    }

    /**
     * {@code ai_instructions} of the project's {@code rill.yaml} (Rill's project file), when there is one; Rill's
     * other settings in that file are not this server's business and are left alone.
     */
    private String aiInstructions(Path folder) {
        Path file = folder.resolve("rill.yaml");
        if (!Files.exists(file)) {
            return null;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object fields = new Yaml().load(reader);
            Object instructions = fields instanceof Map<?, ?> map ? map.get("ai_instructions") : null;
            if (instructions != null && !(instructions instanceof String)) {
                problem(file + ": ai_instructions must be text");
                return null;
            }
            return (String) instructions;
        } catch (IOException | RuntimeException e) {
            problem(file + ": cannot be read: " + e.getMessage());
            return null;
        }
    }

    private ProjectData data(Path folder) {
        Path settings = folder.resolve("project.yaml");
        try {
            if (Files.exists(settings)) {
                return external(settings);
            }
            return ProjectData.embedded(files(folder.resolve("data"), ".csv"));
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

    private ProjectData external(Path settings) throws IOException {
        Map<String, Object> fields;
        try (Reader reader = Files.newBufferedReader(settings, StandardCharsets.UTF_8)) {
            fields = new Yaml().load(reader);
        }
        if (fields == null || !(fields.get("jdbc_url") instanceof String url)) {
            throw new IOException(settings + ":1: 'jdbc_url' is required");
        }
        Optional<String> unknown = fields.keySet().stream().filter(key -> !PROJECT_FIELDS.contains(key)).findFirst();
        if (unknown.isPresent()) {
            throw new IOException(settings + ": unknown field '" + unknown.get() + "'; expected one of " + PROJECT_FIELDS);
        }
        String passwordVariable = (String) fields.get("password_env");
        String password = passwordVariable == null ? "" : Optional.ofNullable(System.getenv(passwordVariable)).orElse("");
        return ProjectData.external(url, String.valueOf(fields.getOrDefault("user", "")), password);
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
