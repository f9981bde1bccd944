package org.mangonel.cli;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import org.mangonel.servers.ChatServer;
import org.mangonel.servers.HelloServer;
import org.mangonel.servers.ServerLoops;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code engine serve hello|chat}: runs a built-in reference server until killed. */
@Command(name = "serve", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = ExitCodes.INVALID,
        exitCodeOnExecutionException = ExitCodes.RUN_FAILED, versionProvider = Main.VersionProvider.class,
        description = {"Run a built-in server until stopped (Ctrl-C or SIGTERM).",
            "  hello  HTTP/1.1, answers every request with 200 \"Hello, World!\", keep-alive",
            "  chat   TCP lines, relays every line to every other client (one thread)"})
final class ServeCommand implements Callable<Integer> {
    /** The servers this command knows. */
    enum Server { hello, chat }

    private final PrintStream out;
    private final PrintStream err;

    @Parameters(index = "0", paramLabel = "SERVER", description = "Which server: ${COMPLETION-CANDIDATES}.")
    Server server;

    @Option(names = "--port", required = true, paramLabel = "N", description = "TCP port (0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST",
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
            description = "Event-loop threads (default: ${DEFAULT-VALUE}, like a single-process server).")
    int threads;

    ServeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        if (threads < 1 || port < 0 || port > 65535) {
            err.println("engine serve: --threads must be at least 1 and --port between 0 and 65535");
            return ExitCodes.INVALID;
        }
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (server == Server.chat && threads != 1) {
            err.println("engine serve chat: the chat server runs on one thread (it relays between all clients)");
            return ExitCodes.INVALID;
        }
        ServerLoops running = server == Server.chat ? ChatServer.start(address) : HelloServer.start(address, threads);
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "serve-shutdown"));
        out.printf("mangonel %s server listening on %s:%d (%d thread%s)%n", server, host, running.port(), threads,
                threads == 1 ? "" : "s");
        out.flush();
        running.awaitClose();
        return ExitCodes.OK;
    }
}
