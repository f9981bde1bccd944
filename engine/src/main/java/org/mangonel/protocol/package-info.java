/**
 * The protocol seam: how the engine measures any protocol without knowing which one it holds.
 *
 * <p>A {@link org.mangonel.protocol.Protocol} is a key to everything one protocol owns, and the
 * {@link org.mangonel.protocol.Protocols} registry lists them (one line each in
 * {@code META-INF/services/org.mangonel.protocol.Protocol}). The core calls it at each step of a
 * run, and nowhere else does it ask what it holds:
 * <pre>
 *   yaml    a benchmark names its protocol ──▶ Protocol.read(Section): its own keys, validated
 *           (unknown keys are listed per protocol; a key of another protocol says which)
 *   plan    Protocol.openModel / levelProblem, for the plan and its checks
 *   run     Protocol.verify(workload, endpoint): the pre-run check, on the load's own client code
 *           Protocol.load(workload, endpoint, settings, level) ──▶ a LoadRun of its sessions
 *   report  Protocol.describe / figures: its part of results.json;
 *           templates/protocols/NAME.{md,html}.ftl: its part of the pages
 * </pre>
 * Each workload is a record of the sealed {@link org.mangonel.scenario.Workload}, so the set is
 * known to the compiler; the registry serves each exactly once (a test checks both ways). A
 * protocol's sessions run on {@code load}'s workers and pacing and reach the wire through a
 * {@link org.mangonel.transport.Transport}, so they never know whether their bytes are encrypted.
 * {@link org.mangonel.protocol.Section} is how a protocol reads YAML without seeing SnakeYAML.
 *
 * <p>Adding a protocol: a package {@code org.mangonel.protocol.NAME} with its Protocol, sessions
 * and codecs; its workload record in {@code scenario} (and the sealed interface's list); one line
 * in the registry file; its two template fragments.
 */
package org.mangonel.protocol;
