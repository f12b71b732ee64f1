package org.carecycle.demo;

import java.util.List;

import org.carecycle.geography.LocalityKind;

/**
 * Where the demo county lies: its localities and the postcode districts in them.
 *
 * @param localities the localities to define
 * @param districts the districts services can be placed in
 * @param boundaryName the local authority whose outline keeps generated points on land,
 * or null to use none
 */
record DemoGeography(List<LocalitySpec> localities, List<DistrictSpec> districts, String boundaryName) {

	/**
	 * A locality to define.
	 *
	 * @param code its code
	 * @param name its name
	 * @param kind what sort of area
	 */
	record LocalitySpec(String code, String name, LocalityKind kind) {
	}

	/**
	 * A postcode district services can be placed in.
	 *
	 * @param outcode the district
	 * @param town its post town
	 * @param localityCode the locality it lies in
	 * @param weight how many services it gets, relative to other districts
	 * @param latitude its centroid
	 * @param longitude its centroid
	 */
	record DistrictSpec(String outcode, String town, String localityCode, int weight, double latitude,
			double longitude) {
	}

}
