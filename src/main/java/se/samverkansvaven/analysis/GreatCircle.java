package se.samverkansvaven.analysis;

import se.samverkansvaven.analysis.data.CooperationData.Place;

/** Great-circle distance between municipal centroids (haversine, R = 6371 km, as domain.md item 5 fixes). */
final class GreatCircle {

    static final double EARTH_RADIUS_KM = 6371.0;

    private GreatCircle() {}

    static double km(Place a, Place b) {
        return km(a.lat(), a.lon(), b.lat(), b.lon());
    }

    static double km(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }
}
