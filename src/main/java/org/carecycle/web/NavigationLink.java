package org.carecycle.web;

/**
 * An item of the service navigation as drawn for the current user.
 *
 * @param messageKey key of the label
 * @param href where it goes
 * @param active whether the current page is in this section
 */
public record NavigationLink(String messageKey, String href, boolean active) {

}
