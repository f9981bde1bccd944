/**
 * The lifecycle of a framework under test: free port, requirements, start, readiness, CPU and
 * memory sampling, stop, on this machine or on another host over SSH. Nothing here knows how load
 * is generated.
 *
 * <pre>
 *   requires: /bin/sh -c REQ (each must exit 0)  ──fail──▶ skipped, with the hint
 *   pick a free port, substitute {port}
 *   start: [setsid] [taskset -c CPUS] /bin/sh -c CMD                        (start: CMD)
 *          [setsid] [taskset -c CPUS] JAVA … org.mangonel.cli.Main serve NAME --host H --port P
 *                                                       (a built-in server: no shell)
 *          stdout+stderr → logs/NAME.log
 *          setsid, when installed, gives the server its own session and process group;
 *          taskset only for cpus:, when it is installed and the CPUs exist (else a note, unpinned)
 *   ready: poll until the port accepts  ──exits / times out──▶ failed, with the log's last lines
 *   ...trials (a ProcessTreeSampler watches the session's processes during each window)...
 *   stop: SIGTERM to the group → wait up to the grace period → SIGKILL to every process left in
 *         the session (so nothing is ever left behind, even a child that changed its group)
 * </pre>
 * The group, session and sampling steps rely on {@code setsid}. Without it the server stays in
 * the engine's own session and process group: {@code stop} then signals the server and its
 * descendants one by one (SIGTERM, then SIGKILL after the grace period) and waits for them, so
 * nothing is left behind either, but a child that left the tree escapes, and the sampler, which
 * follows the server's session, reports no figures.
 * Process sampling reads {@code /proc}; on systems without it the figures are absent, not guessed.
 *
 * <h2>Where: a {@link org.mangonel.framework.Host}</h2>
 * Every step that touches the framework's machine goes through a {@code Host}, and each step has
 * the same meaning on both kinds:
 *
 * <pre>
 *   step            LocalHost (this machine)              SshHost (another, over ssh)
 *   requires,       /bin/sh -c CMD in cwd, with env       ssh … 'exec /bin/sh -c "cd CWD; export …; CMD"'
 *     version
 *   free {port}     bind port 0 on the URL's host          a port of the host's ephemeral range that
 *                                                          /proc/net/tcp{,6} there does not list
 *   cpus            taskset -c (checked against our CPUs) taskset -c there (checked against its CPUs)
 *   start           setsid CMD &gt;&gt; logs/NAME.log         leash.sh: setsid CMD &gt;&gt; LOG there, held on
 *                                                          an SSH session (RemoteServerProcess)
 *   ready           TCP connects from this machine to the URL, in both cases: that is where the load
 *                   comes from
 *   sample          /proc here, a full scan every 5th     sampler.sh there, one request and answer
 *                   sample, known pids between            per sample over a session held open for
 *                                                          the window; the same cadence and scans
 *   stop            TERM group + session, grace, KILL     the same, done there by leash.sh ("term MS")
 *   kill (Ctrl-C×2) KILL group + session                  leash.sh "kill"
 *   log             written here directly                 copied here (tail -c +N) when a tail is
 *                                                          needed and after the stop
 *   builtin:NAME    our java, our class path              java there (17+ checked, as a requires),
 *                                                          our class path copied there once
 * </pre>
 *
 * <h2>SSH</h2>
 * The system's {@code ssh}, {@code scp} and {@code rsync}, nothing to install on the host beyond
 * what a Debian server has (a POSIX sh, awk, setsid, /proc). One multiplexed connection per host
 * and run ({@code ControlMaster}, its socket in a short private folder because a socket path is
 * limited to 108 bytes; {@code ControlPersist=60} so that a master outlives a hard-killed engine
 * by a minute at most), opened by {@link org.mangonel.framework.Hosts} when the run first needs
 * the host and closed ({@code ssh -O exit}) at the end, after the run's folder there is removed.
 * Every command after that is a session on the master: a few milliseconds, no new TCP connection
 * or authentication. {@code BatchMode=yes}: nothing ever waits for a password or a host-key
 * question; host keys are checked as ssh always checks them (never turned off by the engine), and
 * an unknown or changed key is a failure whose reason says so, like an unreachable host or a
 * refused key ({@link org.mangonel.framework.SshHost#reason}).
 *
 * <p>Why a leash and not a detached {@code setsid … &amp; echo $!}: a server must not outlive the
 * engine's connection. {@code leash.sh} starts the server and then waits for a line from the
 * engine; the end of its input without one, which is what a dropped connection or a dead engine
 * looks like from the host, stops the server's whole session there as a stop would. The leash also
 * reports the server's exit at once ({@code alive()} needs no round trip), and its own end without
 * that report is how a dropped connection is recognised here: the framework fails with that
 * reason, the run goes on (the next framework on that host reconnects, once).
 *
 * <p>DESIGN.md sketches a {@code remote/} package for this. It is here instead, behind
 * {@code Host}: a framework on another machine goes through the same lifecycle step by step, only
 * each step is carried out elsewhere, so a separate package would either duplicate the lifecycle
 * or have it depend on that package for every step.
 *
 * <p>The remote scripts are resources beside these classes ({@code host-lib.sh}, {@code probe.sh},
 * {@code leash.sh}, {@code sampler.sh}), plain POSIX sh for dash, bash and busybox alike.
 *
 * <p>Threads: the run's thread starts, checks and stops processes; each measured window's
 * {@code ProcessTreeSampler} samples on its own thread ({@code mangonel-sampler}); a signal
 * handler may call {@code ServerProcess.kill} from another thread.
 */
package org.mangonel.framework;
