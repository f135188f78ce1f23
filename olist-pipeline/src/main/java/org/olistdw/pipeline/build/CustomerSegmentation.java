package org.olistdw.pipeline.build;

import java.util.Objects;
import java.util.stream.Stream;
import org.olistdw.domain.customer.CustomerActivity;
import org.olistdw.domain.customer.RfmSegmentation;

/** Segments the people of a build with the domain's {@link RfmSegmentation} and records the segments in it. */
public final class CustomerSegmentation {

    private CustomerSegmentation() {
    }

    /**
     * Reads every person with a counted order twice from a build: once to fit the score distribution, once
     * to score each person, and records the segments (none when nobody bought).
     *
     * @return the number of people segmented
     */
    public static long of(SegmentationTables tables) {
        Objects.requireNonNull(tables, "tables");
        RfmSegmentation.Fitter fitter = RfmSegmentation.fitter();
        try (Stream<CustomerActivity> people = tables.customerActivity()) {
            people.forEach(fitter::add);
        }
        if (fitter.people() == 0) {
            return tables.recordSegments(Stream.empty());
        }
        RfmSegmentation segmentation = fitter.fit();
        try (Stream<CustomerActivity> people = tables.customerActivity()) {
            return tables.recordSegments(people.map(segmentation::segment));
        }
    }
}
