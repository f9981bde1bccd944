package org.mangonel.run;

import org.mangonel.protocol.http.HttpProtocol;

/** Breaks a package rule on purpose (the core names no protocol): the architecture test's own test. */
final class ArchSampleRunNamingAProtocol {
    Object protocol = new HttpProtocol();
}
