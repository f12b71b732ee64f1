package org.carecycle.providers;

/**
 * Someone at a provider the council can contact.
 *
 * @param name their name
 * @param jobTitle what they do, such as registered manager or nominated individual
 * @param email their work email address
 * @param phone their work telephone number
 */
public record ProviderContact(String name, String jobTitle, String email, String phone) {

}
