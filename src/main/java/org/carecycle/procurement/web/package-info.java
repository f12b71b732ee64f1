/** The tender pages: council staff's, providers' and the public's. */
package org.carecycle.procurement.web;
