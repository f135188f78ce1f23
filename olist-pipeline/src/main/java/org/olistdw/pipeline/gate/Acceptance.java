package org.olistdw.pipeline.gate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run accepts knowingly that would otherwise stop it from publishing.
 *
 * @param volumeDrop an empty source file, or one that loaded far fewer rows than in the latest successful run
 *                   ({@code --accept-volume-drop})
 * @param drift      key figures of months the published warehouse had closed that change beyond the tolerance
 *                   ({@code --accept-drift})
 */
public record Acceptance(boolean volumeDrop, boolean drift) {

    /** Nothing accepted: every gate blocks. */
    public static final Acceptance NONE = new Acceptance(false, false);

    /** The option of {@code olist run} that accepts a volume drop. */
    public static final String ACCEPT_VOLUME_DROP = "--accept-volume-drop";

    /** The option of {@code olist run} that accepts a drift of closed months. */
    public static final String ACCEPT_DRIFT = "--accept-drift";

    /** What is accepted, as run parameters ({@code accept_volume_drop=true}...): none when nothing is. */
    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (volumeDrop) {
            parameters.put("accept_volume_drop", "true");
        }
        if (drift) {
            parameters.put("accept_drift", "true");
        }
        return parameters;
    }
}
