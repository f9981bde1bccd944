package org.mangonel.report;

import org.mangonel.load.LoadRun;

/** Breaks a package rule on purpose (report sees no live load): the architecture test's own test. */
final class ArchSampleReportUsingLoad {
    LoadRun run;
}
