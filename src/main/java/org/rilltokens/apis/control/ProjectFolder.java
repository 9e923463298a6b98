package org.rilltokens.apis.control;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ThreadFactory;
import java.util.stream.Stream;

/**
 * One project folder, {@code <projects dir>/<org>/<project>/}: {@code apis/*.yaml} (one API each), {@code data/*.csv}
 * (one table each), an optional {@code project.yaml} naming an external database instead, and an optional
 * {@code rill.yaml} (Rill's project file) whose {@code ai_instructions} are told to AI assistants. What is served is a
 * function of the files alone — a broken API file serves no API, broken data an empty database — so every node
 * reading the same folder serves the same, whenever it read it.
 */
final class ProjectFolder {

    /** {@code project.yaml}: the project's own database instead of its CSV files. */
    record Settings(@JsonProperty("jdbc_url") String jdbcUrl, String user,
            @JsonProperty("password_env") String passwordEnv) {
    }

    /**
     * {@code rill.yaml}: only {@code ai_instructions} is this server's business; Rill's other settings in that file
     * are left alone.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record RillFile(@JsonProperty("ai_instructions") String aiInstructions) {
    }

    /** What a project's files look like (names, sizes, modification times): a cheap test for "changed since". */
    record Stamp(List<String> files, Instant newest) {
    }

    private static final String SETTINGS = "project.yaml";
    private static final String RILL = "rill.yaml";

    private final Path folder;
    private final List<ProjectProblem> problems = new ArrayList<>();

    private ProjectFolder(Path folder) {
        this.folder = folder;
    }

    /** @param threads the pool threads of an external database (the container's) */
    static LoadedProject load(String org, Path folder, ThreadFactory threads) {
        return new ProjectFolder(folder).load(org, threads);
    }

    static Stamp stamp(Path folder) {
        List<String> files = new ArrayList<>();
        Instant newest = Instant.EPOCH;
        for (Path file : served(folder)) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                Instant modified = attributes.lastModifiedTime().toInstant();
                newest = modified.isAfter(newest) ? modified : newest;
                files.add(folder.relativize(file) + " " + attributes.size() + " " + modified);
            } catch (IOException e) {
                files.add(folder.relativize(file) + " unreadable");
            }
        }
        return new Stamp(files, newest);
    }

    private LoadedProject load(String org, ThreadFactory threads) {
        Map<String, ApiDefinition> apis = new TreeMap<>();
        for (Path file : files(folder.resolve("apis"), ".yaml", ".yml")) {
            try {
                ApiDefinition api = ApiFileReader.read(file);
                if (apis.putIfAbsent(api.name(), api) != null) {
                    problems.add(new ProjectProblem(relative(file), 1, "API '" + api.name() + "' is defined by another file too"));
                }
            } catch (InvalidProjectFile e) {
                problem(e);
            }
        }
        return new LoadedProject(org, folder.getFileName().toString(), apis, data(threads), aiInstructions(), problems);
    }

    private String aiInstructions() {
        Path file = folder.resolve(RILL);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return YamlFile.read(file).bind(RillFile.class).map(RillFile::aiInstructions).orElse(null);
        } catch (InvalidProjectFile e) {
            problem(e);
            return null;
        }
    }

    private ProjectData data(ThreadFactory threads) {
        try {
            Path settings = folder.resolve(SETTINGS);
            return Files.exists(settings) ? external(settings, threads) : ProjectData.embedded(files(folder.resolve("data"), ".csv"));
        } catch (InvalidProjectFile e) {
            problem(e);
        } catch (SQLException | RuntimeException e) {
            problems.add(new ProjectProblem("data", 1, "the data could not be loaded: " + e.getMessage()));
        }
        return emptyData();
    }

    /** An empty private database, still queried as the read-only user: a broken project never runs SQL as an admin. */
    private static ProjectData emptyData() {
        try {
            return ProjectData.embedded(List.of());
        } catch (InvalidProjectFile | SQLException e) {
            throw new IllegalStateException("an empty in-memory database could not be created", e);
        }
    }

    private static ProjectData external(Path file, ThreadFactory threads) throws InvalidProjectFile {
        YamlFile yaml = YamlFile.read(file);
        Settings settings = yaml.bind(Settings.class).filter(s -> s.jdbcUrl() != null)
                .orElseThrow(() -> yaml.problem(1, "'jdbc_url' is required"));
        String password = settings.passwordEnv() == null ? "" : Optional.ofNullable(System.getenv(settings.passwordEnv())).orElse("");
        return ProjectData.external(settings.jdbcUrl(), Optional.ofNullable(settings.user()).orElse(""), password, threads);
    }

    private void problem(InvalidProjectFile e) {
        problems.add(new ProjectProblem(relative(e.file()), e.line(), e.problem()));
    }

    private String relative(Path file) {
        return folder.relativize(file).toString().replace('\\', '/');
    }

    /** Every file whose change changes what the project serves. */
    private static List<Path> served(Path folder) {
        List<Path> files = new ArrayList<>(files(folder.resolve("apis"), ".yaml", ".yml"));
        files.addAll(files(folder.resolve("data"), ".csv"));
        for (String name : List.of(SETTINGS, RILL)) {
            if (Files.isRegularFile(folder.resolve(name))) {
                files.add(folder.resolve(name));
            }
        }
        return files;
    }

    /** The folder's files with one of these suffixes, in name order; hidden files (editors', systems') left out. */
    static List<Path> files(Path folder, String... suffixes) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().startsWith("."))
                    .filter(file -> Stream.of(suffixes).anyMatch(suffix -> file.getFileName().toString().endsWith(suffix)))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
