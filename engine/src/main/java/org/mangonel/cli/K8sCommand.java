package org.mangonel.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.mangonel.plan.BenchmarkPlan;
import org.mangonel.plan.Plan;
import org.mangonel.plan.PlanException;
import org.mangonel.plan.Planner;
import org.mangonel.scenario.Durations;
import org.mangonel.scenario.Framework;
import org.mangonel.scenario.RunSettings;
import org.mangonel.scenario.Scenario;
import org.mangonel.yaml.ScenarioException;
import org.mangonel.yaml.ScenarioLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code engine k8s SCENARIO.yaml --shards N --image IMAGE [options] [-- ENGINE OPTIONS]}: prints
 * the Kubernetes objects of a sharded run, to pipe into {@code kubectl apply -f -}.
 *
 * <ul>
 *   <li>a ConfigMap holding the scenario file's exact bytes, mounted in every pod at
 *       {@code /scenario/<file name>};</li>
 *   <li>a PersistentVolumeClaim (ReadWriteMany) mounted at {@code /results}, unless
 *       {@code --output-volume} names an existing one;</li>
 *   <li>an Indexed Job of N pods, pod I running
 *       {@code engine /scenario/F --shard I/N --start-at T --out /results/NAME/shard-I [options]},
 *       spread over nodes where it can;</li>
 *   <li>a merge Job whose init container waits on the volume until every shard has finished
 *       ({@code engine k8s await-shards}), then runs
 *       {@code engine merge /results/NAME/shard-0 ... --out /results/NAME/merged}.</li>
 * </ul>
 *
 * <p>The index reaches the arguments through Kubernetes' own {@code $(VAR)} expansion, which works
 * only for variables declared in the container: each shard container declares
 * {@code JOB_COMPLETION_INDEX} from the pod's {@code batch.kubernetes.io/job-completion-index}
 * annotation (downward API). No shell is involved, so the engine is the container's process and
 * gets its SIGTERM directly (it then writes what it measured, like on Ctrl-C).
 */
@Command(name = "k8s", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = ExitCodes.INVALID,
        exitCodeOnExecutionException = ExitCodes.RUN_FAILED, versionProvider = Main.VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        customSynopsis = {"engine k8s SCENARIO.yaml --shards N --image IMAGE [OPTIONS] [-- ENGINE_OPTION...]",
            "       engine k8s await-shards DIR --shards N --until TIME"},
        description = {
            "Print a sharded run as Kubernetes objects, for kubectl apply -f -.",
            "",
            "A ConfigMap with the scenario, a ReadWriteMany PersistentVolumeClaim for the results, an Indexed Job of N "
                + "shard pods that all start their load at one common time, and a merge Job that waits for them and "
                + "merges their results.",
            "",
            "Shard pod I:  engine /scenario/FILE --shard I/N --start-at T",
            "                --out /results/NAME/shard-I [ENGINE_OPTION...]",
            "Merge pod:    engine merge /results/NAME/shard-0 ... --out /results/NAME/merged",
            "",
            "The servers under test are reached, not started: every framework needs a url: of a server the pods can "
                + "reach, and no start:. The scenario file is read here and shipped in the ConfigMap, byte for byte. "
                + "The common start time T is fixed when the manifest is printed: apply it before then.",
            ""},
        footer = {"",
            "Exit codes: 0 printed; 2 invalid usage or scenario (nothing printed).",
            "",
            "Examples:",
            "  engine k8s remote.yaml --shards 4 --image IMAGE | kubectl apply -f -",
            "  engine k8s remote.yaml --shards 8 --image IMAGE --start-in 3m --cpu 2 \\",
            "      --memory 1Gi -- --duration 30s -c 200 > run.yaml",
            "  engine k8s remote.yaml --shards 2 --image IMAGE --namespace bench \\",
            "      --output-volume mangonel-results",
            "",
            "How to run it on a cluster, step by step: deploy/kubernetes/README.md"})
final class K8sCommand implements Callable<Integer> {
    /** Where the ConfigMap is mounted in every pod. */
    static final String SCENARIO_DIR = "/scenario";
    /** Where the results volume is mounted in every pod. */
    static final String RESULTS_DIR = "/results";
    /** Kubernetes expands {@code $(JOB_COMPLETION_INDEX)} in args, from the env var the container declares. */
    static final String INDEX_VAR = "JOB_COMPLETION_INDEX";
    static final String INDEX_ANNOTATION = "batch.kubernetes.io/job-completion-index";
    /** The engine image's user (Containerfile): the volume's group, so it can write there. */
    static final long IMAGE_GID = 10001;
    /** Names get suffixes ({@code -scenario}, 9 characters) and must stay DNS labels (63). */
    static final int MAX_NAME = 52;

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile(
            "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern QUANTITY = Pattern.compile(
            "([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+|[numkMGTPE]|[KMGTPE]i)?");
    private static final Pattern CONFIG_KEY_CHARS = Pattern.compile("[^-._a-zA-Z0-9]");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    /** Engine options that engine k8s sets itself, per shard, or that make no sense in a pod. */
    private static final List<String> RESERVED = List.of("--out", "--shard", "--start-at", "--dry-run");
    /** A ConfigMap holds at most 1 MiB, its metadata included. */
    private static final int MAX_SCENARIO_BYTES = 1_000_000;

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO.yaml", hideParamSyntax = true,
            description = "The scenario (a local file; shipped to the pods in a ConfigMap).")
    Path scenarioFile;

    @Parameters(index = "1..*", paramLabel = "ENGINE_OPTION",
            description = "After --: options for every shard's engine, e.g. -- --duration 30s -c 100.")
    List<String> engineOptions = new ArrayList<>();

    @Option(names = "--shards", paramLabel = "N", description = "How many shard pods (required, at least 1).")
    Integer shards;

    @Option(names = "--image", paramLabel = "IMAGE",
            description = "The engine's container image (required; built from the Containerfile).")
    String image;

    @Option(names = "--start-in", paramLabel = "DURATION",
            description = "The common start is this long after now (default 60s): apply the manifest before then.")
    String startIn;

    @Option(names = "--start-at", paramLabel = "TIME",
            description = "The common start time instead, ISO-8601, e.g. 2026-11-27T12:00:00Z.")
    String startAt;

    @Option(names = "--name", paramLabel = "NAME",
            description = "Names the objects and the results folder (default: the scenario's name and the UTC time).")
    String name;

    @Option(names = "--namespace", paramLabel = "NS", description = "Put every object in this namespace.")
    String namespace;

    @Option(names = "--storage-class", paramLabel = "CLASS",
            description = "The storage class of the new volume (default: the cluster's default class).")
    String storageClass;

    @Option(names = "--volume-size", paramLabel = "SIZE", description = "The new volume's size (default 1Gi).")
    String volumeSize;

    @Option(names = "--output-volume", paramLabel = "CLAIM",
            description = "Write to this existing PersistentVolumeClaim (ReadWriteMany) instead of a new one.")
    String outputVolume;

    @Option(names = "--cpu", paramLabel = "CPU", description = "CPU request of each shard pod, e.g. 2 or 1500m.")
    String cpu;

    @Option(names = "--memory", paramLabel = "MEMORY", description = "Memory request of each shard pod, e.g. 1Gi.")
    String memory;

    @Option(names = "--merge-timeout", paramLabel = "DURATION",
            description = "The merge gives up if the shards have not all finished this long after the start (default 2h).")
    String mergeTimeout;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    K8sCommand(PrintStream out, PrintStream err) {
        this(out, err, Clock.systemUTC());
    }

    K8sCommand(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        if (scenarioFile == null) {
            spec.commandLine().usage(err);
            return ExitCodes.INVALID;
        }
        try {
            return print();
        } catch (Invalid e) {
            err.println("engine k8s: " + e.getMessage());
            return ExitCodes.INVALID;
        }
    }

    private int print() throws Invalid {
        checkOptions();
        Scenario scenario;
        try {
            scenario = ScenarioLoader.load(scenarioFile);
        } catch (ScenarioException e) {
            err.println(e.render());
            return ExitCodes.INVALID;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(scenarioFile);
        } catch (IOException e) {
            throw new Invalid(scenarioFile + " cannot be read: " + e.getMessage());
        }
        if (bytes.length > MAX_SCENARIO_BYTES) {
            throw new Invalid(scenarioFile + " is " + bytes.length + " bytes; a ConfigMap holds at most 1 MiB");
        }
        List<Framework> frameworks = frameworksRun(scenario, engineOptions());
        refuseStarted(frameworks);

        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant start = startTime(now);
        String run = name != null ? name : defaultName(scenario.name(), now);
        String file = configKey(scenarioFile.getFileName().toString());
        Run r = new Run(run, file, new String(bytes, StandardCharsets.UTF_8), start,
                start.plus(duration("--merge-timeout", mergeTimeout == null ? "2h" : mergeTimeout)));

        StringBuilder yaml = new StringBuilder();
        yaml.append(header(r));
        for (Map<String, Object> doc : manifests(r)) {
            yaml.append(KubeYaml.document(doc));
        }
        out.print(yaml);
        out.flush();

        warnAboutReach(frameworks);
        err.println("engine k8s: " + run + ": " + shards + " shard(s) of " + file + ", all starting at " + iso(start)
                + " (in " + Duration.between(now, start).toSeconds() + " s): kubectl apply before then");
        return ExitCodes.OK;
    }

    /** Everything of the command line that can be checked without the scenario. */
    private void checkOptions() throws Invalid {
        if (shards == null) {
            throw new Invalid("--shards N is required: how many shard pods");
        }
        if (shards < 1) {
            throw new Invalid("--shards must be at least 1, found " + shards);
        }
        if (image == null || image.isBlank() || image.chars().anyMatch(Character::isWhitespace)) {
            throw new Invalid(image == null ? "--image IMAGE is required: the engine's container image"
                    : "--image '" + image + "' is not an image reference");
        }
        if (startIn != null && startAt != null) {
            throw new Invalid("give --start-in or --start-at, not both");
        }
        if (name != null && !(DNS_LABEL.matcher(name).matches() && name.length() <= MAX_NAME)) {
            throw new Invalid("--name must be at most " + MAX_NAME + " lower-case letters, digits and '-', starting and "
                    + "ending with a letter or digit (a DNS-1123 label), found '" + name + "'");
        }
        if (namespace != null && !(DNS_LABEL.matcher(namespace).matches() && namespace.length() <= 63)) {
            throw new Invalid("--namespace '" + namespace + "' is not a namespace name (a DNS-1123 label)");
        }
        if (outputVolume != null) {
            if (storageClass != null || volumeSize != null) {
                throw new Invalid("--output-volume uses an existing claim; --storage-class and --volume-size are for a "
                        + "new one: give one or the other");
            }
            if (!(DNS_SUBDOMAIN.matcher(outputVolume).matches() && outputVolume.length() <= 253)) {
                throw new Invalid("--output-volume '" + outputVolume + "' is not a claim name");
            }
        }
        if (storageClass != null && !(DNS_SUBDOMAIN.matcher(storageClass).matches() && storageClass.length() <= 253)) {
            throw new Invalid("--storage-class '" + storageClass + "' is not a storage class name");
        }
        quantity("--volume-size", volumeSize);
        quantity("--cpu", cpu);
        quantity("--memory", memory);
        if (!engineOptions.isEmpty() && !spec.commandLine().getParseResult().originalArgs().contains("--")) {
            throw new Invalid("one scenario only; options for the engine in each pod go after --, e.g. "
                    + "engine k8s SCENARIO --shards 4 --image IMAGE -- --duration 30s (found " + engineOptions + ")");
        }
        for (String option : engineOptions) {
            for (String reserved : RESERVED) {
                if (option.equals(reserved) || option.startsWith(reserved + "=")) {
                    throw new Invalid(reserved + " cannot be passed to the shards: "
                            + (reserved.equals("--dry-run") ? "see the plan locally with engine SCENARIO --dry-run"
                            : "engine k8s sets it for each pod"));
                }
            }
        }
    }

    private static void quantity(String option, String value) throws Invalid {
        if (value != null && !QUANTITY.matcher(value).matches()) {
            throw new Invalid(option + " should be a Kubernetes quantity such as 2, 500m, 1Gi or 512Mi, found '"
                    + value + "'");
        }
    }

    /** The pass-through options, parsed as the engine in each pod will parse them (after the scenario). */
    private EngineCommand engineOptions() throws Invalid {
        EngineCommand engine = new EngineCommand(out, err);
        List<String> args = new ArrayList<>();
        args.add(SCENARIO_DIR + "/scenario.yaml");
        args.addAll(engineOptions);
        try {
            new CommandLine(engine).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new Invalid("the engine options after -- are not the engine's: " + e.getMessage());
        }
        return engine;
    }

    /**
     * The frameworks the shards will run, after the engine options' --only and --benchmark; the
     * options' values are checked as each pod's engine will check them (a bad one would make
     * every pod exit 2).
     */
    private static List<Framework> frameworksRun(Scenario scenario, EngineCommand engine) throws Invalid {
        Plan plan;
        try {
            plan = Planner.plan(scenario, engine.overrides(), set(engine.only), set(engine.benchmarks), 1);
        } catch (PlanException e) {
            throw new Invalid(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new Invalid("the engine options after --: " + e.getMessage());
        }
        Set<Framework> frameworks = new LinkedHashSet<>();
        for (BenchmarkPlan bp : plan.benchmarks()) {
            frameworks.addAll(bp.frameworks());
        }
        return List.copyOf(frameworks);
    }

    private static Set<String> set(List<String> names) {
        return names == null ? Set.of() : Set.copyOf(names);
    }

    /** A shard measures servers running elsewhere: one it started itself would be one per pod. */
    private static void refuseStarted(List<Framework> frameworks) throws Invalid {
        List<String> started = frameworks.stream().filter(Framework::managed).map(Framework::name).toList();
        if (started.size() == 1) {
            throw new Invalid("frameworks in a sharded run are reached, not started: " + started.get(0)
                    + " has 'start:'; give it a url: of a server running elsewhere");
        }
        if (!started.isEmpty()) {
            throw new Invalid("frameworks in a sharded run are reached, not started: "
                    + String.join(", ", started.subList(0, started.size() - 1)) + " and " + started.get(started.size() - 1)
                    + " have 'start:'; give each a url: of a server running elsewhere");
        }
    }

    /** Warnings, not refusals: URLs that only work on the machine the scenario was written on. */
    private void warnAboutReach(List<Framework> frameworks) {
        for (Framework f : frameworks) {
            String host;
            try {
                host = URI.create(f.url()).getHost();
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"))) {
                err.println("engine k8s: warning: " + f.name() + "'s url " + f.url() + " is the shard pod itself in "
                        + "Kubernetes; give an address the pods can reach (a Service's DNS name, a node or load balancer)");
            }
            if (f.tls().ca() != null) {
                err.println("engine k8s: warning: " + f.name() + "'s tls ca file " + f.tls().ca() + " is not shipped "
                        + "to the pods (only the scenario file is); make it reachable at that path in the image");
            }
        }
    }

    private Instant startTime(Instant now) throws Invalid {
        if (startAt == null) {
            Duration lead = duration("--start-in", startIn == null ? "60s" : startIn);
            if (lead.isZero()) {
                throw new Invalid("--start-in must be more than 0: the pods need time to be scheduled and to start");
            }
            return now.plus(lead).truncatedTo(ChronoUnit.SECONDS);
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(startAt).toInstant();
        } catch (DateTimeParseException e) {
            throw new Invalid("--start-at should be an ISO-8601 time such as 2026-11-27T12:00:00Z, found '"
                    + startAt + "'");
        }
        if (!at.isAfter(clock.instant())) {
            throw new Invalid("--start-at " + startAt + " is already past; the shards could not start together");
        }
        return at;
    }

    private static Duration duration(String option, String text) throws Invalid {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new Invalid(option + " " + e.getMessage());
        }
    }

    /** The scenario's name as a DNS label, then the UTC time: {@code hello-20261127-120000}. */
    static String defaultName(String scenarioName, Instant now) {
        String stamp = STAMP.format(now);
        String base = scenarioName.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]+", "-")
                .replaceAll("-+", "-").replaceAll("^-|-$", "");
        if (base.length() > MAX_NAME - stamp.length() - 1) {
            base = base.substring(0, MAX_NAME - stamp.length() - 1).replaceAll("-$", "");
        }
        return (base.isEmpty() ? "mangonel" : base) + "-" + stamp;
    }

    /** The ConfigMap key and file name: the scenario's file name, in the characters a key may have. */
    static String configKey(String fileName) {
        String key = CONFIG_KEY_CHARS.matcher(fileName).replaceAll("-");
        return key.isEmpty() || key.equals(".") || key.equals("..") ? "scenario.yaml" : key;
    }

    static String iso(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t);
    }

    /** What one printing decided. */
    record Run(String name, String file, String scenarioText, Instant start, Instant mergeUntil) {
        String outDir() {
            return RESULTS_DIR + "/" + name;
        }
    }

    private String header(Run r) {
        return "# Mangonel sharded run " + r.name() + ": " + shards + " shard(s) of " + r.file() + ", all starting at "
                + iso(r.start()) + ".\n"
                + "# Apply it before then: kubectl apply -f FILE. Printed by: engine "
                + String.join(" ", spec.commandLine().getParseResult().originalArgs())
                        .replaceAll("[\\p{Cntrl}\u0085\u2028\u2029]", " ") + "\n"
                + "# Results: " + r.outDir() + "/shard-I/ on the claim " + claim(r) + "; merged, once the Job "
                + r.name() + "-merge has completed: " + r.outDir() + "/merged/\n";
    }

    private String claim(Run r) {
        return outputVolume != null ? outputVolume : r.name() + "-results";
    }

    /** The objects, in the order they must be created. */
    List<Map<String, Object>> manifests(Run r) {
        List<Map<String, Object>> docs = new ArrayList<>();
        docs.add(map("apiVersion", "v1", "kind", "ConfigMap",
                "metadata", metadata(r.name() + "-scenario", r.name(), "scenario"),
                "data", map(r.file(), r.scenarioText())));
        if (outputVolume == null) {
            docs.add(map("apiVersion", "v1", "kind", "PersistentVolumeClaim",
                    "metadata", metadata(r.name() + "-results", r.name(), "results"),
                    "spec", pvcSpec()));
        }
        docs.add(shardJob(r));
        docs.add(mergeJob(r));
        return docs;
    }

    private Map<String, Object> pvcSpec() {
        Map<String, Object> spec = map("accessModes", List.of("ReadWriteMany"));
        if (storageClass != null) {
            spec.put("storageClassName", storageClass);
        }
        spec.put("resources", map("requests", map("storage", volumeSize == null ? "1Gi" : volumeSize)));
        return spec;
    }

    private Map<String, Object> shardJob(Run r) {
        List<Object> args = new ArrayList<>(List.of(SCENARIO_DIR + "/" + r.file(),
                "--shard", "$(" + INDEX_VAR + ")/" + shards,
                "--start-at", iso(r.start()),
                "--out", r.outDir() + "/shard-$(" + INDEX_VAR + ")"));
        for (String option : engineOptions) {
            args.add(option.replace("$(", "$$(")); // Kubernetes would expand $(...) in args; $$( is a literal $(
        }
        Map<String, Object> container = map("name", "engine", "image", image, "args", args,
                "env", List.of(map("name", INDEX_VAR,
                        "valueFrom", map("fieldRef", map("fieldPath", "metadata.annotations['" + INDEX_ANNOTATION + "']")))));
        Map<String, Object> requests = new LinkedHashMap<>();
        if (cpu != null) {
            requests.put("cpu", cpu);
        }
        if (memory != null) {
            requests.put("memory", memory);
        }
        if (!requests.isEmpty()) {
            container.put("resources", map("requests", requests));
        }
        container.put("volumeMounts", List.of(
                map("name", "scenario", "mountPath", SCENARIO_DIR, "readOnly", true),
                map("name", "results", "mountPath", RESULTS_DIR)));
        Map<String, Object> podSpec = map("restartPolicy", "Never",
                "securityContext", map("fsGroup", IMAGE_GID),
                "affinity", map("podAntiAffinity", map("preferredDuringSchedulingIgnoredDuringExecution", List.of(
                        map("weight", 100, "podAffinityTerm", map(
                                "labelSelector", map("matchLabels", labels(r.name(), "shard")),
                                "topologyKey", "kubernetes.io/hostname"))))),
                "containers", List.of(container),
                "volumes", List.of(
                        map("name", "scenario", "configMap", map("name", r.name() + "-scenario",
                                "items", List.of(map("key", r.file(), "path", r.file())))),
                        resultsVolume(r)));
        return map("apiVersion", "batch/v1", "kind", "Job",
                "metadata", metadata(r.name(), r.name(), "shard"),
                "spec", map("completionMode", "Indexed", "completions", shards, "parallelism", shards,
                        "backoffLimit", 0,
                        "template", map("metadata", map("labels", labels(r.name(), "shard")), "spec", podSpec)));
    }

    private Map<String, Object> mergeJob(Run r) {
        List<Object> merge = new ArrayList<>();
        merge.add("merge");
        for (int i = 0; i < shards; i++) {
            merge.add(r.outDir() + "/shard-" + i);
        }
        merge.add("--out");
        merge.add(r.outDir() + "/merged");
        Map<String, Object> mount = map("name", "results", "mountPath", RESULTS_DIR);
        Map<String, Object> podSpec = map("restartPolicy", "Never",
                "securityContext", map("fsGroup", IMAGE_GID),
                "initContainers", List.of(map("name", "await-shards", "image", image,
                        "args", List.of("k8s", "await-shards", r.outDir(), "--shards", String.valueOf(shards),
                                "--until", iso(r.mergeUntil())),
                        "volumeMounts", List.of(mount))),
                "containers", List.of(map("name", "merge", "image", image, "args", merge,
                        "volumeMounts", List.of(mount))),
                "volumes", List.of(resultsVolume(r)));
        return map("apiVersion", "batch/v1", "kind", "Job",
                "metadata", metadata(r.name() + "-merge", r.name(), "merge"),
                "spec", map("backoffLimit", 0,
                        "template", map("metadata", map("labels", labels(r.name(), "merge")), "spec", podSpec)));
    }

    private Map<String, Object> resultsVolume(Run r) {
        return map("name", "results", "persistentVolumeClaim", map("claimName", claim(r)));
    }

    private Map<String, Object> metadata(String objectName, String run, String component) {
        Map<String, Object> m = map("name", objectName);
        if (namespace != null) {
            m.put("namespace", namespace);
        }
        m.put("labels", labels(run, component));
        return m;
    }

    /** Every object of a run carries {@code app.kubernetes.io/instance: NAME}: kubectl ... -l selects them. */
    static Map<String, Object> labels(String run, String component) {
        return map("app.kubernetes.io/name", "mangonel", "app.kubernetes.io/instance", run,
                "app.kubernetes.io/component", component);
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    @Command(name = "await-shards", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = ExitCodes.INVALID,
            versionProvider = Main.VersionProvider.class, usageHelpAutoWidth = true,
            description = {"Wait until every shard of a sharded run has finished (the merge Job runs this first).",
                "",
                "Waits until DIR/shard-0 .. DIR/shard-(N-1) each hold a results.json whose run has ended. The merge "
                    + "Job's init container runs this on the shared volume, since Kubernetes Jobs cannot wait for one "
                    + "another.",
                "",
                "Exit codes: 0 every shard finished and succeeded; 1 a shard failed, was interrupted or had a framework "
                    + "fail (nothing to merge); 2 invalid usage; 3 --until came first."})
    int awaitShards(
            @Parameters(paramLabel = "DIR", description = "The run's folder on the shared volume.") Path dir,
            @Option(names = "--shards", required = true, paramLabel = "N", description = "How many shards.") int n,
            @Option(names = "--until", required = true, paramLabel = "TIME",
                    description = "Give up at this time (ISO-8601, e.g. 2026-11-27T14:00:00Z).") String until,
            @Option(names = "--poll", defaultValue = "5s", paramLabel = "DURATION",
                    description = "How often to look (default ${DEFAULT-VALUE}).") String poll)
            throws InterruptedException {
        Instant deadline;
        Duration every;
        try {
            if (n < 1) {
                throw new Invalid("--shards must be at least 1, found " + n);
            }
            try {
                deadline = OffsetDateTime.parse(until).toInstant();
            } catch (DateTimeParseException e) {
                throw new Invalid("--until should be an ISO-8601 time such as 2026-11-27T14:00:00Z, found '" + until + "'");
            }
            every = duration("--poll", poll);
        } catch (Invalid e) {
            err.println("engine k8s await-shards: " + e.getMessage());
            return ExitCodes.INVALID;
        }
        out.println("await-shards: waiting for " + n + " shard(s) in " + dir + " until " + iso(deadline));
        return switch (new ShardWait(dir, n, deadline, every, clock, out).await()) {
            case DONE -> ExitCodes.OK;
            case SHARD_FAILED -> ExitCodes.EXPECTATION_FAILED;
            case TIMED_OUT -> ExitCodes.RUN_FAILED;
        };
    }

    /** A usage mistake, said in one line (exit code 2). */
    private static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }
}
