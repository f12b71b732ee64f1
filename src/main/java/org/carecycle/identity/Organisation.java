package org.carecycle.identity;

import org.carecycle.shared.ProviderId;

/**
 * A provider organisation that provider users can belong to.
 *
 * @param id the provider's id
 * @param name the provider's name
 */
public record Organisation(ProviderId id, String name) {

}
