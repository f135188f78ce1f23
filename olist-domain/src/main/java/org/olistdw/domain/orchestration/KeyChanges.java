package org.olistdw.domain.orchestration;

/**
 * What a changed source file changed, by key, against the raw table of the warehouse the run started from: the
 * keys found only in the new file, those in both whose rows differ, and those found only in the published raw
 * table. A key is the file's identifying columns (an order's {@code order_id}, an item's
 * {@code (order_id, order_item_id)}, ...), or the whole row for a file without one (geolocation).
 *
 * @param added   keys only in the new file
 * @param changed keys in both, with rows that differ (or a different number of rows)
 * @param gone    keys only in the published raw table
 */
public record KeyChanges(long added, long changed, long gone) {

    /** No key added, changed or gone. */
    public static final KeyChanges NONE = new KeyChanges(0, 0, 0);

    public KeyChanges {
        if (added < 0 || changed < 0 || gone < 0) {
            throw new IllegalArgumentException("key counts must not be negative: " + added + ", " + changed + ", "
                    + gone);
        }
    }

    /** The keys touched: added, changed and gone together. */
    public long touched() {
        return added + changed + gone;
    }

    /** These counts and {@code other}'s, summed. */
    public KeyChanges plus(KeyChanges other) {
        return new KeyChanges(added + other.added, changed + other.changed, gone + other.gone);
    }
}
