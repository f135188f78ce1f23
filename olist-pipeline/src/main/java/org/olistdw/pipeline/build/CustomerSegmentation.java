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
     * Reads every person with a counted order twice from {@code build}: once to fit the score
     * distribution, once to score each person, and records the segments (none when nobody bought).
     *
     * @return the number of people segmented
     */
    public static long of(WarehouseBuild build) {
        Objects.requireNonNull(build, "build");
        RfmSegmentation.Fitter fitter = RfmSegmentation.fitter();
        try (Stream<CustomerActivity> people = build.customerActivity()) {
            people.forEach(fitter::add);
        }
        if (fitter.people() == 0) {
            return build.recordSegments(Stream.empty());
        }
        RfmSegmentation segmentation = fitter.fit();
        try (Stream<CustomerActivity> people = build.customerActivity()) {
            return build.recordSegments(people.map(segmentation::segment));
        }
    }
}
