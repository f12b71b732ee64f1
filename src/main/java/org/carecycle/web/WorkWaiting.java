package org.carecycle.web;

import java.util.List;

import org.carecycle.shared.Role;

/**
 * Work waiting for the signed-in person, for the to-do list on their home page. Each
 * module that holds work implements it with a count over its own tables, so the home page
 * lists everything waiting without knowing the modules. An implementation that scopes
 * records (a provider's own services) applies the signed-in person's scope itself.
 */
public interface WorkWaiting {

	/**
	 * What is waiting for someone with this role; items with a count of nothing are left
	 * off the page, so an implementation may return them.
	 */
	List<WorkItem> waitingFor(Role role);

}
