package org.olistdw.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.olistdw.sample.Seeds.Kind;
import org.olistdw.sample.States.City;
import org.olistdw.sample.States.State;

/**
 * The zip prefixes of a sample: a fixed-size table (at most 19,015 + 157 entries whatever the scale).
 * Each state gets prefixes in its real zip ranges in proportion to its share of the published geolocation
 * rows, evenly spread with a random jitter; the lowest prefixes of a state belong to its capital (as
 * {@code 01xxx} belongs to São Paulo). Prefixes {@code 0..geolocated()-1} are sorted by code and have
 * geolocation rows; the remaining few are used by customers and sellers only.
 */
final class ZipPrefixes {

    private final int geolocated;
    private final int[] code;
    private final int[] state;
    private final int[] city;
    private final double[] cumulativeWeight;
    private final int[][] geolocatedByState;
    private final double[][] cumulativeByState;
    private final int[] missingByIndex;
    private final List<City> cities = new ArrayList<>();
    private final double[] latitude;
    private final double[] longitude;

    private record Entry(int code, int state, int city, double weight) {
    }

    ZipPrefixes(SampleSize size, Seeds seeds) {
        List<State> states = States.ALL;
        List<Integer> cityState = new ArrayList<>();
        int[] firstCity = new int[states.size()];
        for (int s = 0; s < states.size(); s++) {
            firstCity[s] = cities.size();
            for (City c : states.get(s).cities()) {
                cities.add(c);
                cityState.add(s);
            }
        }
        double[] cityLatitude = new double[cities.size()];
        double[] cityLongitude = new double[cities.size()];
        for (int c = 0; c < cities.size(); c++) {
            State s = states.get(cityState.get(c));
            SplittableRandom random = seeds.random(Kind.CITY, c);
            boolean capital = c == firstCity[cityState.get(c)];
            // Other cities lie inland of the (mostly coastal) capital, within about 200 km.
            cityLatitude[c] = s.capitalLatitude() + (capital ? 0 : random.nextDouble(-1.8, 1.8));
            cityLongitude[c] = s.capitalLongitude() + (capital ? 0 : random.nextDouble(-2.6, 0.2));
        }

        SplittableRandom random = seeds.random(Kind.ZIP_UNIVERSE, 0);
        double totalShare = states.stream().mapToDouble(State::geolocationShare).sum();
        Set<Integer> used = new HashSet<>();
        List<Entry> entries = new ArrayList<>();
        for (int s = 0; s < states.size(); s++) {
            State st = states.get(s);
            int length = st.zipRangeLength();
            int count = (int) Math.min(length,
                    Math.max(1, Math.round(size.zipPrefixes() * st.geolocationShare() / totalShare)));
            for (int k = 0; k < count; k++) {
                long from = (long) k * length / count;
                long to = (long) (k + 1) * length / count;
                int zip = st.zipAt((int) (from + random.nextLong(Math.max(1, to - from))));
                used.add(zip);
                int c = firstCity[s] + cityAt(st, (k + 0.5) / count);
                boolean capital = c == firstCity[s];
                double weight = StrictMath.exp(Draws.gaussian(random)) * (capital ? 1.5 : 1.0);
                entries.add(new Entry(zip, s, c, weight));
            }
        }
        entries.sort(Comparator.comparingInt(Entry::code));
        geolocated = entries.size();

        List<Entry> missing = new ArrayList<>();
        for (int m = 0; m < size.missingPrefixes(); m++) {
            int s = States.drawForCustomer(random);
            State st = states.get(s);
            int length = st.zipRangeLength();
            int offset = random.nextInt(length);
            for (int tries = 0; tries < length && used.contains(st.zipAt(offset)); tries++) {
                offset = (offset + 1) % length;
            }
            int zip = st.zipAt(offset);
            if (used.add(zip)) {
                missing.add(new Entry(zip, s, firstCity[s] + cityAt(st, (offset + 0.5) / length), 1));
            }
        }
        entries.addAll(missing);

        int total = entries.size();
        code = new int[total];
        state = new int[total];
        city = new int[total];
        latitude = new double[total];
        longitude = new double[total];
        cumulativeWeight = new double[geolocated + 1];
        List<List<Integer>> byState = new ArrayList<>();
        for (int s = 0; s < states.size(); s++) {
            byState.add(new ArrayList<>());
        }
        for (int i = 0; i < total; i++) {
            Entry e = entries.get(i);
            code[i] = e.code();
            state[i] = e.state();
            city[i] = e.city();
            SplittableRandom prefixRandom = seeds.random(Kind.ZIP_PREFIX, i);
            latitude[i] = cityLatitude[e.city()] + prefixRandom.nextDouble(-0.05, 0.05);
            longitude[i] = cityLongitude[e.city()] + prefixRandom.nextDouble(-0.05, 0.05);
            if (i < geolocated) {
                cumulativeWeight[i + 1] = cumulativeWeight[i] + e.weight();
                byState.get(e.state()).add(i);
            }
        }
        geolocatedByState = new int[states.size()][];
        cumulativeByState = new double[states.size()][];
        for (int s = 0; s < states.size(); s++) {
            List<Integer> list = byState.get(s);
            geolocatedByState[s] = list.stream().mapToInt(Integer::intValue).toArray();
            cumulativeByState[s] = new double[list.size()];
            double running = 0;
            for (int k = 0; k < list.size(); k++) {
                running += entries.get(list.get(k)).weight();
                cumulativeByState[s][k] = running;
            }
            for (int k = 0; k < list.size(); k++) {
                cumulativeByState[s][k] /= running;
            }
        }
        missingByIndex = new int[total - geolocated];
        Arrays.setAll(missingByIndex, k -> geolocated + k);
    }

    private static int cityAt(State st, double position) {
        double total = st.cities().stream().mapToDouble(City::weight).sum();
        double running = 0;
        for (int c = 0; c < st.cities().size(); c++) {
            running += st.cities().get(c).weight() / total;
            if (position < running) {
                return c;
            }
        }
        return st.cities().size() - 1;
    }

    /** Prefixes with geolocation rows: indexes {@code 0..geolocated()-1}, in ascending code order. */
    int geolocated() {
        return geolocated;
    }

    /** How many of {@code totalRows} geolocation rows prefix {@code index} gets: at least one, the rest by weight. */
    long geolocationRows(int index, long totalRows) {
        double extra = Math.max(0, totalRows - geolocated);
        double total = cumulativeWeight[geolocated];
        long before = Math.round(cumulativeWeight[index] / total * extra);
        long after = Math.round(cumulativeWeight[index + 1] / total * extra);
        return 1 + after - before;
    }

    /** A geolocated prefix of the given state, popular prefixes more often. */
    int draw(int stateIndex, SplittableRandom random) {
        int[] prefixes = geolocatedByState[stateIndex];
        return prefixes[Draws.pick(cumulativeByState[stateIndex], random.nextDouble())];
    }

    /** One of the prefixes that have no geolocation rows. */
    int drawMissing(SplittableRandom random) {
        if (missingByIndex.length == 0) {
            return draw(0, random);
        }
        return missingByIndex[random.nextInt(missingByIndex.length)];
    }

    int code(int index) {
        return code[index];
    }

    String stateCode(int index) {
        return States.ALL.get(state[index]).code();
    }

    City city(int index) {
        return cities.get(city[index]);
    }

    double latitude(int index) {
        return latitude[index];
    }

    double longitude(int index) {
        return longitude[index];
    }
}
