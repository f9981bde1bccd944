package org.mangonel.run;

import java.time.Instant;

/**
 * One framework's windows in the run's {@link Timetable}: when its {@code trial}-th window (over
 * its levels and repetitions) begins, or null when the run is not scheduled (each window then
 * begins as soon as its connections are ready).
 */
record Schedule(Timetable timetable, int benchmark, int framework) {
    Instant start(int trial) {
        return timetable.scheduled() ? timetable.start(benchmark, framework, trial) : null;
    }
}
