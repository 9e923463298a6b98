package org.rilltokens.apis.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The projects under {@code <projects dir>/<org>/<project>/} (see {@link ProjectFolder}), read at startup and
 * then rescanned every few seconds: a project whose files were added, changed or removed is read again and
 * replaces the old one at once; a removed folder stops being served. Each node scans for itself, so nodes
 * sharing a folder agree within a scan. Problems are kept per project, with file and line.
 */
@ApplicationScoped
// A plain bean, not an EJB: every API call looks its project up here, and that must not cost a container transaction.
// Lookups read an immutable snapshot; only the scan (one at a time) replaces it.
public class ProjectCatalog {

    public static final String DIRECTORY = "rill.projects.dir";
    public static final String DIRECTORY_DEFAULT = "./server-config/projects";

    @Inject
    @ConfigProperty(name = DIRECTORY, defaultValue = DIRECTORY_DEFAULT)
    String directory;

    /** 0 reads the folders once, at startup. */
    @Inject
    @ConfigProperty(name = "rill.projects.scan-seconds", defaultValue = "2")
    long scanSeconds;

    /** How long one statement of a custom API call may run; replaced data is closed only after it. */
    @Inject
    @ConfigProperty(name = "rill.apis.timeout-seconds", defaultValue = "30")
    long timeoutSeconds;

    @Inject
    Logger log;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ScheduledExecutorService timer;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ThreadFactory threads;

    private volatile Map<String, LoadedProject> projects = Map.of();
    private final Map<String, ProjectFolder.Stamp> settled = new HashMap<>();
    private final Set<ProjectData> retiring = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> scanning;
    private final CountDownLatch firstRead = new CountDownLatch(1);

    /** Read at startup, not on the first call. */
    void started(@Observes Startup startup) {
        // Observing the event creates the bean, which reads the folders once (start()).
    }

    @PostConstruct
    void start() {
        if (!Files.isDirectory(root())) {
            log.log(Level.INFO, "No projects directory at {0} yet: custom APIs appear once it has projects", root());
        }
        // Read beside the rest of startup: the server is ready sooner, and only a lookup made before the read is done
        // waits for it.
        timer.execute(() -> {
            try {
                refresh();
                log.log(Level.INFO, "Loaded {0} projects with custom APIs from {1}; {2} problems",
                        new Object[] {projects.size(), root(), problemsOf(projects).size()});
            } catch (RuntimeException e) {
                log.log(Level.WARNING, "Reading the projects folder failed", e);
            }
        });
        if (scanSeconds > 0) {
            scanning = timer.scheduleWithFixedDelay(this::scan, scanSeconds, scanSeconds, TimeUnit.SECONDS);
        }
    }

    private void scan() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // A failed scan must not end the schedule: the next one tries again.
            log.log(Level.WARNING, "Scanning the projects folder failed", e);
        }
    }

    /**
     * Reads again every project whose files changed since the last scan, adds new ones and drops removed ones. The
     * first one to end, read or failed, lets the lookups waiting for it go on.
     */
    synchronized void refresh() {
        try {
            rescan();
        } finally {
            firstRead.countDown();
        }
    }

    private void rescan() {
        Instant started = Instant.now();
        Map<String, Path> folders = folders();
        Map<String, LoadedProject> next = new TreeMap<>(projects);
        List<ProjectData> replaced = new ArrayList<>();
        for (String key : List.copyOf(next.keySet())) {
            if (!folders.containsKey(key)) {
                replaced.add(next.remove(key).data());
                settled.remove(key);
                log.log(Level.INFO, "Project {0} removed: its custom APIs are no longer served", key);
            }
        }
        folders.forEach((key, folder) -> {
            ProjectFolder.Stamp stamp = ProjectFolder.stamp(folder);
            if (stamp.equals(settled.get(key)) && next.containsKey(key)) {
                return;
            }
            LoadedProject loaded = ProjectFolder.load(folder.getParent().getFileName().toString(), folder, threads);
            Optional.ofNullable(next.put(key, loaded)).ifPresent(old -> replaced.add(old.data()));
            // A file changed within the last scan interval may still be being written: read it again next time.
            boolean quiet = stamp.newest().isBefore(started.minus(Duration.ofSeconds(Math.max(scanSeconds, 1))));
            if (quiet) {
                settled.put(key, stamp);
            } else {
                settled.remove(key);
            }
            loaded.problems().forEach(problem -> log.log(Level.WARNING, "Custom API problem: {0}/{1}", new Object[] {key, problem}));
            log.log(Level.FINE, "Project {0} read: {1} APIs, {2} problems",
                    new Object[] {key, loaded.apis().size(), loaded.problems().size()});
        });
        projects = Collections.unmodifiableMap(next);
        replaced.forEach(this::retire);
    }

    /** Closes a replaced project's data once calls that started on it have had their time to finish. */
    private void retire(ProjectData data) {
        retiring.add(data);
        try {
            timer.schedule(() -> close(data), timeoutSeconds + 5, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            close(data);
        }
    }

    private void close(ProjectData data) {
        if (retiring.remove(data)) {
            data.close();
        }
    }

    public Duration callTimeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    public Optional<LoadedProject> project(String org, String name) {
        return Optional.ofNullable(read().get(key(org, name)));
    }

    /** The projects as last read, once the first read at startup is done. */
    private Map<String, LoadedProject> read() {
        try {
            if (!firstRead.await(timeoutSeconds + 60, TimeUnit.SECONDS)) {
                log.log(Level.WARNING, "The projects folder is still being read at startup");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return projects;
    }

    /** What of this project could not be loaded, each with its file and line; empty for an unknown project. */
    public List<ProjectProblem> problems(String org, String project) {
        return project(org, project).map(LoadedProject::problems).orElse(List.of());
    }

    /** Every project's problems, one line each: {@code org/project/file:line: message}. */
    public List<String> problems() {
        return problemsOf(read());
    }

    private static List<String> problemsOf(Map<String, LoadedProject> projects) {
        return projects.values().stream().flatMap(project -> project.problems().stream()
                .map(problem -> key(project.org(), project.name()) + "/" + problem)).toList();
    }

    @PreDestroy
    void close() {
        if (scanning != null) {
            scanning.cancel(false);
        }
        projects.values().forEach(project -> project.data().close());
        List.copyOf(retiring).forEach(this::close);
    }

    private Path root() {
        return Paths.get(directory).toAbsolutePath().normalize();
    }

    private Map<String, Path> folders() {
        Map<String, Path> folders = new TreeMap<>();
        for (Path org : children(root())) {
            for (Path project : children(org)) {
                folders.put(key(org.getFileName().toString(), project.getFileName().toString()), project);
            }
        }
        return folders;
    }

    private static String key(String org, String project) {
        return org + "/" + project;
    }

    private static List<Path> children(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isDirectory).filter(entry -> !entry.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
