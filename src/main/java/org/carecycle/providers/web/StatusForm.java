package org.carecycle.providers.web;

/**
 * The change-status form.
 *
 * @param version the version the person started from
 * @param status a ServiceStatus name
 * @param sinceDay the day it closed or became dormant
 * @param sinceMonth the month
 * @param sinceYear the year
 */
record StatusForm(Integer version, String status, String sinceDay, String sinceMonth, String sinceYear) {

}
