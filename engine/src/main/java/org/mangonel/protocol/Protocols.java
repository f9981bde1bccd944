package org.mangonel.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.mangonel.scenario.Workload;

/**
 * The registry of protocols: those named in
 * {@code META-INF/services/org.mangonel.protocol.Protocol}, one line each, in that order. Adding a
 * protocol is a new package, one line there, its workload record in the sealed {@link Workload}
 * and its two template fragments; a new URL scheme also touches the engine's lists of schemes
 * (the package's note lists every file, and the few places that do name a protocol). Loaded
 * once; immutable.
 */
public final class Protocols {
    private static final List<Protocol<?>> ALL;
    private static final Map<Class<?>, Protocol<?>> BY_WORKLOAD = new LinkedHashMap<>();

    static {
        List<Protocol<?>> all = new ArrayList<>();
        for (Protocol<?> p : ServiceLoader.load(Protocol.class, Protocols.class.getClassLoader())) {
            all.add(p);
            if (BY_WORKLOAD.put(p.workloadType(), p) != null) {
                throw new IllegalStateException("two protocols run " + p.workloadType().getSimpleName());
            }
        }
        ALL = List.copyOf(all);
    }

    private Protocols() {
    }

    /** Every protocol, in registry order. */
    public static List<Protocol<?>> all() {
        return ALL;
    }

    /** The names, in registry order. */
    public static List<String> names() {
        return ALL.stream().map(Protocol::name).toList();
    }

    /** The protocol with this scenario name. */
    public static Optional<Protocol<?>> named(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The protocol that runs this workload. */
    @SuppressWarnings("unchecked")
    public static <W extends Workload> Protocol<W> of(W workload) {
        Protocol<?> p = BY_WORKLOAD.get(workload.getClass());
        if (p == null) {
            throw new IllegalStateException("no protocol registered for " + workload.getClass().getSimpleName());
        }
        return (Protocol<W>) p;
    }
}
