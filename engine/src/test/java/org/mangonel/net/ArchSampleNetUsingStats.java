package org.mangonel.net;

import org.mangonel.stats.ErrorKind;

/** Breaks a package rule on purpose (net must not use stats): the architecture test's own test. */
final class ArchSampleNetUsingStats {
    ErrorKind kind = ErrorKind.CONNECT;
}
