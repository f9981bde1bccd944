package org.mangonel.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mangonel.framework.Host;
import org.mangonel.framework.HostException;
import org.mangonel.framework.Hosts;
import org.mangonel.framework.SshHost;
import org.mangonel.plan.BenchmarkPlan;
import org.mangonel.plan.Plan;
import org.mangonel.scenario.Framework;
import org.mangonel.scenario.Scenario;
import org.mangonel.scenario.Ssh;

/**
 * Where a run's frameworks run: this machine, and the SSH hosts the plan's frameworks name. Each
 * host is connected to before the first framework (so its description and the round-trip time
 * to it are known, and its folders copied, before anything is measured), and closed after the
 * last. Writes {@code environment.client} and {@code environment.servers} into the results. The
 * run's thread only.
 */
final class ServerHosts implements AutoCloseable {
    private final Hosts hosts;
    /** Each SSH destination and the frameworks that run there, in the plan's order. */
    private final Map<String, List<String>> frameworksOn = new LinkedHashMap<>();
    /** The destinations where a built-in server runs (Java is checked and the engine copied there first). */
    private final java.util.Set<String> builtinOn = new java.util.HashSet<>();

    ServerHosts(Plan plan) {
        Scenario scenario = plan.scenario();
        Path dir = Path.of(scenario.source().directory());
        Ssh ssh = scenario.ssh();
        hosts = new Hosts(dir, new SshHost.Settings(ssh.identity() == null ? null
                : dir.resolve(ssh.identity()).toAbsolutePath().normalize(), ssh.options(), ssh.sync(), dir,
                ssh.connectTimeout()));
        for (BenchmarkPlan bp : plan.benchmarks()) {
            for (Framework fw : bp.frameworks()) {
                if (fw.host() != null) {
                    List<String> names = frameworksOn.computeIfAbsent(fw.host(), h -> new ArrayList<>());
                    if (!names.contains(fw.name())) {
                        names.add(fw.name());
                    }
                    if (fw.start() instanceof Framework.Builtin) {
                        builtinOn.add(fw.host());
                    }
                }
            }
        }
    }

    /** Connects to every SSH host of the plan (a failure is kept for its frameworks) and describes them. */
    void open(RunConsole console, RunControl control, Map<String, Object> environment) {
        environment.put("client", EnvironmentProbe.client());
        for (Map.Entry<String, List<String>> e : frameworksOn.entrySet()) {
            if (control.interrupted()) {
                break;
            }
            String dest = e.getKey();
            console.info("host " + dest + ": connecting (for " + String.join(", ", e.getValue()) + ")");
            try {
                SshHost host = (SshHost) hosts.get(dest);
                Map<String, Object> d = host.describe();
                Double rtt = host.roundTripMs();
                console.info("host " + dest + ": " + d.get("os") + ", " + d.get("cores") + " cores, " + d.get("cpu_model")
                        + "; round trip " + (rtt == null ? "not measured" : String.format(Locale.ROOT, "%.3f ms", rtt))
                        + "; run folder " + host.remoteDir());
                if (builtinOn.contains(dest)) {
                    console.info("host " + dest + ": " + host.builtinProblem()
                            .orElse("the engine was copied there for its built-in servers"));
                }
            } catch (HostException ex) {
                console.info("host " + dest + ": " + ex.getMessage());
            }
        }
        if (!frameworksOn.isEmpty()) {
            Map<String, Object> servers = new LinkedHashMap<>();
            hosts.describe().forEach((dest, d) -> {
                Map<String, Object> m = new LinkedHashMap<>(d);
                m.put("frameworks", frameworksOn.getOrDefault(dest, List.of()));
                servers.put(dest, m);
            });
            environment.put("servers", servers);
        }
    }

    /** The host a framework runs on (connected). */
    Host of(Framework fw) throws HostException {
        return hosts.get(fw.host());
    }

    @Override
    public void close() {
        hosts.close();
    }
}
