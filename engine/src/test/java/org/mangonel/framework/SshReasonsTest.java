package org.mangonel.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** ssh's messages made into a framework's one-line reason. */
class SshReasonsTest {
    @Test
    void eachFailureSaysWhatItIsAndWhatToDo() {
        assertEquals("unreachable: ssh: connect to host 10.0.0.9 port 22: Connection refused (is sshd running there,"
                + " on that port?)", SshHost.reason("ssh: connect to host 10.0.0.9 port 22: Connection refused\n"));
        assertEquals("unreachable: ssh: connect to host 10.0.0.9 port 22: Connection timed out",
                SshHost.reason("ssh: connect to host 10.0.0.9 port 22: Connection timed out\r\n"));
        assertTrue(SshHost.reason("ssh: Could not resolve hostname nowhere: Name or service not known")
                .startsWith("unknown host: "));
        assertEquals("authentication refused: bench@db: Permission denied (publickey); check ssh.identity and the"
                + " user's authorized_keys", SshHost.reason("Warning: Permanently added 'db' (ED25519) to the list"
                + " of known hosts.\nbench@db: Permission denied (publickey).\n"));
        String changed = """
                @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
                @    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @
                @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
                IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!
                Host key verification failed.
                """;
        assertTrue(SshHost.reason(changed).startsWith("the host key does not match the one in known_hosts"));
        assertTrue(SshHost.reason("No ED25519 host key is known for db and you have requested strict checking.\n"
                + "Host key verification failed.\n").startsWith("the host key is not known"));
        assertEquals("ssh failed", SshHost.reason(""));
    }
}
