package org.carecycle.geography;

import java.util.UUID;

/**
 * A postcode district (the outward code, such as TR1) and where it is.
 *
 * @param outcode the district's code
 * @param centroid its middle
 * @param localityId the council locality it lies in, if it lies in one
 */
public record PostcodeDistrict(String outcode, Coordinates centroid, UUID localityId) {

}
