package org.carecycle.geography;

import java.util.UUID;

/**
 * One of the council's areas.
 *
 * @param id the locality's id
 * @param code a short, stable code
 * @param name its name
 * @param kind what sort of area it is
 */
public record Locality(UUID id, String code, String name, LocalityKind kind) {

}
