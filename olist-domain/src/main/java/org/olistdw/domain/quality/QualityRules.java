package org.olistdw.domain.quality;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Port to where the rules live and are edited without a rebuild. The rules shipped with the project are
 * seeded from versioned files; people then switch them on and off and change their thresholds in the store.
 */
public interface QualityRules {

    /**
     * Brings the store in line with the shipped definitions: a new rule is added as defined; an existing
     * rule takes the definition's type, kind, target, parameters, severity and description, but keeps its
     * {@code active} flag and threshold, which belong to the people running the warehouse.
     *
     * @return how many rules were added
     */
    int seed(List<QualityRule> definitions);

    /** Every rule, by name. */
    List<QualityRule> all();

    /** The rule called {@code name}. */
    Optional<QualityRule> find(String name);

    /**
     * Switches a rule on or off.
     *
     * @throws IllegalArgumentException when there is no such rule
     */
    QualityRule setActive(String name, boolean active);

    /**
     * Changes the failure rate, in percent, a rule tolerates.
     *
     * @throws IllegalArgumentException when there is no such rule, or the threshold is not within 0..100
     */
    QualityRule setThreshold(String name, BigDecimal percent);
}
