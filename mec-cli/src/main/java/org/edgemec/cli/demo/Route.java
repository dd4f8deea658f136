package org.edgemec.cli.demo;

/**
 * The drone's route: a straight line between the centre of zone A and the centre of zone B; the zone border is the
 * middle. Positions are WGS 84 degrees; distance along the route in metres.
 */
record Route(String zoneA, String zoneB, double latA, double lonA, double latB, double lonB) {

    private static final double EARTH_RADIUS_M = 6_371_000;

    /** Zone A and zone B about 1 km apart (north-south), around Pisa. */
    static Route between(String zoneA, String zoneB) {
        return new Route(zoneA, zoneB, 43.7200, 10.4000, 43.7290, 10.4000);
    }

    double lengthMetres() {
        double dLat = Math.toRadians(latB - latA);
        double dLon = Math.toRadians(lonB - lonA);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(latA)) * Math.cos(Math.toRadians(latB)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(a));
    }

    /** Position at {@code fraction} (0..1) of the way from zone {@code from} to the other zone. */
    double[] position(String from, double fraction) {
        double f = Math.max(0, Math.min(1, from.equals(zoneA) ? fraction : 1 - fraction));
        return new double[] {latA + (latB - latA) * f, lonA + (lonB - lonA) * f};
    }

    /** The zone at {@code fraction} of the way from {@code from}: the border is half way. */
    String zone(String from, double fraction) {
        return fraction < 0.5 ? from : other(from);
    }

    String other(String zone) {
        return zone.equals(zoneA) ? zoneB : zoneA;
    }
}
