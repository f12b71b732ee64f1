package org.carecycle.mail;

import java.util.Properties;

import org.carecycle.shared.Role;
import org.carecycle.web.Section;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The administrators' email page, and time limits on talking to the mail server.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	/** Ten seconds, in the milliseconds Jakarta Mail counts in. */
	static final String TIMEOUT_MILLIS = "10000";

	@Bean
	Section emailsSection() {
		return Section.of("nav.emails", "/admin/emails", 920, Role.ADMIN).hidden();
	}

	/**
	 * Jakarta Mail waits for ever by default, for a connection and for every reply. A
	 * mail server that accepts the connection and then says nothing would hold the outbox
	 * (and its database transaction) indefinitely, so connect, read and write are limited
	 * unless {@code spring.mail.properties.mail.smtp.*timeout} says otherwise.
	 */
	@Bean
	static BeanPostProcessor mailServerTimeouts() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof JavaMailSenderImpl sender) {
					Properties properties = sender.getJavaMailProperties();
					for (String protocol : new String[] { "smtp", "smtps" }) {
						for (String timeout : new String[] { "connectiontimeout", "timeout", "writetimeout" }) {
							properties.putIfAbsent("mail." + protocol + "." + timeout, TIMEOUT_MILLIS);
						}
					}
				}
				return bean;
			}
		};
	}

}
