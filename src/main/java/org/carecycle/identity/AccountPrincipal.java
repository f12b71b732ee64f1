package org.carecycle.identity;

/**
 * A security principal that stands for a CareCycle user account, whichever way they
 * signed in (password or single sign-on).
 */
interface AccountPrincipal {

	SignedInUser user();

}
