package org.mangonel.cli;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import org.mangonel.servers.ChatServer;
import org.mangonel.servers.HelloServer;
import org.mangonel.servers.ServerLoops;
import org.mangonel.servers.WebSocketChatServer;
import org.mangonel.servers.WebSocketEchoServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code engine serve hello|chat|ws-echo|ws-chat}: runs a built-in reference server until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = ExitCodes.INVALID,
        exitCodeOnExecutionException = ExitCodes.RUN_FAILED, versionProvider = Main.VersionProvider.class,
        description = {"Run a built-in server until stopped (Ctrl-C or SIGTERM).",
            "  hello    HTTP/1.1, answers every request with 200 \"Hello, World!\"",
            "  chat     TCP lines, relays every line to the others (one thread)",
            "  ws-echo  WebSocket, echoes every text or binary message (1 MiB limit)",
            "  ws-chat  WebSocket, relays every text message to the others (one thread)"})
final class ServeCommand implements Callable<Integer> {
    /** The servers this command knows. */
    enum Server {
        hello("hello"), chat("chat"), ws_echo("ws-echo"), ws_chat("ws-chat");

        private final String word;

        Server(String word) {
            this.word = word;
        }

        @Override
        public String toString() {
            return word;
        }
    }

    private final PrintStream out;
    private final PrintStream err;

    @Parameters(index = "0", paramLabel = "SERVER", converter = ServerName.class,
            description = "Which server: hello, chat, ws-echo or ws-chat.")
    Server server;

    /** Reads a server's name as users write it (ws-echo, not ws_echo). */
    static final class ServerName implements picocli.CommandLine.ITypeConverter<Server> {
        @Override
        public Server convert(String value) {
            for (Server s : Server.values()) {
                if (s.word.equalsIgnoreCase(value)) {
                    return s;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("unknown server '" + value
                    + "'; the built-in servers are hello, chat, ws-echo and ws-chat");
        }
    }

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
        if ((server == Server.chat || server == Server.ws_chat) && threads != 1) {
            err.println("engine serve " + server + ": the chat server runs on one thread (it relays between all"
                    + " clients)");
            return ExitCodes.INVALID;
        }
        ServerLoops running;
        try {
            running = switch (server) {
                case hello -> HelloServer.start(address, threads);
                case chat -> ChatServer.start(address);
                case ws_echo -> WebSocketEchoServer.start(address, threads);
                case ws_chat -> WebSocketChatServer.start(address, threads);
            };
        } catch (java.net.BindException e) {
            err.println("engine serve " + server + ": cannot listen on " + host + ":" + port + ": " + e.getMessage()
                    + (port != 0 && String.valueOf(e.getMessage()).contains("already in use")
                    ? " (another server? --port 0 picks a free one)" : ""));
            return ExitCodes.RUN_FAILED;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "serve-shutdown"));
        out.printf("mangonel %s server listening on %s:%d (%d thread%s)%n", server, host, running.port(), threads,
                threads == 1 ? "" : "s");
        out.flush();
        running.awaitClose();
        return ExitCodes.OK;
    }
}
