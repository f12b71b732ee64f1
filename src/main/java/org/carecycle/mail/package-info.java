/**
 * Email: a transactional outbox that other modules queue messages in, as part of their
 * own transactions, and a sender that delivers them through SMTP with retries;
 * administrators see what was sent and what is waiting.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Email", allowedDependencies = { "shared", "web" })
package org.carecycle.mail;
