/**
 * Where things are: postcode districts with their centroids, the council's localities,
 * and local authority boundaries for maps.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Geography", allowedDependencies = {})
package org.carecycle.geography;
