package org.carecycle.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on through an OpenID Connect provider such as Microsoft Entra ID. Off by
 * default; when on, the client itself is configured with Spring Boot's
 * {@code spring.security.oauth2.client.registration.<registration-id>.*} properties.
 *
 * @param enabled whether the sign-in page offers single sign-on
 * @param registrationId which client registration to use
 */
@ConfigurationProperties("carecycle.oidc")
record OidcProperties(@DefaultValue("false") boolean enabled, @DefaultValue("entra") String registrationId) {

	String authorizationPath() {
		return "/oauth2/authorization/" + this.registrationId;
	}

}
