package org.olistdw.domain.geography;

import java.util.Objects;
import org.olistdw.domain.shared.Address;
import org.olistdw.domain.shared.BrazilianState;
import org.olistdw.domain.shared.ZipCodePrefix;

/**
 * Where a zip code prefix lies: its city, its state and a point (latitude, longitude in decimal degrees,
 * WGS 84) standing for it. Identified by its {@link ZipCodePrefix}: equality is by prefix.
 *
 * <p>Invariants: the city is not blank (kept without surrounding blanks); the latitude is a number in
 * −90..90 and the longitude in −180..180. A point on Earth may still lie outside Brazil (a few in the
 * geolocation file do): {@link #isInMainlandBrazil()} tells.
 */
public final class Geography {

    /** Southernmost latitude of mainland Brazil (Arroio Chuí, RS). */
    public static final double MAINLAND_SOUTH = -33.75;
    /** Northernmost latitude of mainland Brazil (Monte Caburaí, RR). */
    public static final double MAINLAND_NORTH = 5.27;
    /** Westernmost longitude of mainland Brazil (Serra da Contamana, AC). */
    public static final double MAINLAND_WEST = -73.99;
    /** Easternmost longitude of mainland Brazil (Ponta do Seixas, PB). */
    public static final double MAINLAND_EAST = -34.79;

    private final ZipCodePrefix zipCodePrefix;
    private final String city;
    private final BrazilianState state;
    private final double latitude;
    private final double longitude;

    /**
     * The geography of one prefix.
     *
     * @throws IllegalArgumentException naming the value when the city is blank or a coordinate is out of range
     */
    public Geography(ZipCodePrefix zipCodePrefix, String city, BrazilianState state, double latitude,
                     double longitude) {
        this.zipCodePrefix = Objects.requireNonNull(zipCodePrefix, "zip code prefix");
        this.state = Objects.requireNonNull(state, "state");
        if (city == null || city.isBlank()) {
            throw new IllegalArgumentException("geography " + zipCodePrefix + ": city must not be blank, was '"
                    + city + "'");
        }
        if (!(latitude >= -90 && latitude <= 90)) {
            throw new IllegalArgumentException("geography " + zipCodePrefix + ": latitude must be -90..90, was "
                    + latitude);
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("geography " + zipCodePrefix + ": longitude must be -180..180, was "
                    + longitude);
        }
        this.city = city.strip();
        this.latitude = latitude;
        this.longitude = longitude;
    }

    /** The prefix, the identity. */
    public ZipCodePrefix zipCodePrefix() {
        return zipCodePrefix;
    }

    /** The city, never blank. */
    public String city() {
        return city;
    }

    /** The state. */
    public BrazilianState state() {
        return state;
    }

    /** Latitude in decimal degrees, −90..90, negative south of the equator. */
    public double latitude() {
        return latitude;
    }

    /** Longitude in decimal degrees, −180..180, negative west of Greenwich. */
    public double longitude() {
        return longitude;
    }

    /**
     * Whether the point lies within the box of mainland Brazil's extreme points: latitude
     * {@value #MAINLAND_SOUTH}..{@value #MAINLAND_NORTH} and longitude
     * {@value #MAINLAND_WEST}..{@value #MAINLAND_EAST}, both ends included — the bounds the warehouse
     * uses to discard stray geolocation points. A box, so a point in it may still be at sea or in a
     * neighbouring country; oceanic islands (Fernando de Noronha, Trindade) lie outside it.
     */
    public boolean isInMainlandBrazil() {
        return latitude >= MAINLAND_SOUTH && latitude <= MAINLAND_NORTH
                && longitude >= MAINLAND_WEST && longitude <= MAINLAND_EAST;
    }

    /** The prefix, city and state as an {@link Address}. */
    public Address address() {
        return new Address(zipCodePrefix, city, state);
    }

    /** Same prefix. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Geography geography && zipCodePrefix.equals(geography.zipCodePrefix);
    }

    /** The hash of the identity, consistent with {@link #equals(Object)}. */
    @Override
    public int hashCode() {
        return zipCodePrefix.hashCode();
    }

    /** For example {@code Geography[01037 sao paulo SP (-23.5456, -46.6393)]}. */
    @Override
    public String toString() {
        return "Geography[" + zipCodePrefix + " " + city + " " + state.code() + " (" + latitude + ", " + longitude + ")]";
    }
}
