package org.mangonel.scenario;

import org.mangonel.stats.Recorder;

/** Breaks a package rule on purpose (scenario uses nothing): the architecture test's own test. */
final class ArchSampleScenarioDoingIo {
    Recorder recorder;
}
