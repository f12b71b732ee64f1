package org.carecycle.demo;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the demo county's services specialise in, in one statement over the whole
 * register, drawn from each service's type and client groups and a hash of its id (so the
 * same county always gets the same): every nursing home gives nursing care, most homes
 * registered for dementia specialise in it, about two in three nursing homes and one in
 * three residential homes give end of life care, one nursing home in five takes bariatric
 * residents, and a few services' staff speak Polish, Portuguese, Romanian, British Sign
 * Language or (in Cornwall) Cornish.
 */
final class DemoSpecialisms {

	private DemoSpecialisms() {
	}

	static int load(JdbcClient jdbc) {
		return jdbc
			.sql("""
					update care_service s set specialisms = array_remove(array[
					    case when s.service_type = 'CARE_HOME_NURSING' then 'NURSING' end,
					    case when 'DEMENTIA' = any(s.client_groups) and (hashtext(cast(s.id as text)) & 2147483647) % 10 < 8 then 'DEMENTIA' end,
					    case when 'LEARNING_DISABILITY' = any(s.client_groups) then 'LEARNING_DISABILITY' end,
					    case when 'AUTISM' = any(s.client_groups) and (hashtext(cast(s.id as text)) & 2147483647) % 4 < 3 then 'AUTISM' end,
					    case when 'MENTAL_HEALTH' = any(s.client_groups) and (hashtext(cast(s.id as text)) & 2147483647) % 3 = 0 then 'MENTAL_HEALTH' end,
					    case when s.service_type = 'CARE_HOME_NURSING' and (hashtext(cast(s.id as text)) & 2147483647) / 11 % 12 = 0 then 'ACQUIRED_BRAIN_INJURY' end,
					    case when s.service_type = 'CARE_HOME_NURSING' and (hashtext(cast(s.id as text)) & 2147483647) / 3 % 5 = 0 then 'BARIATRIC'
					         when s.service_type = 'CARE_HOME' and (hashtext(cast(s.id as text)) & 2147483647) / 3 % 14 = 0 then 'BARIATRIC' end,
					    case when s.service_type = 'CARE_HOME_NURSING' and (hashtext(cast(s.id as text)) & 2147483647) / 5 % 3 < 2 then 'END_OF_LIFE'
					         when s.service_type in ('CARE_HOME', 'HOME_CARE') and (hashtext(cast(s.id as text)) & 2147483647) / 5 % 3 = 0 then 'END_OF_LIFE' end,
					    case when s.service_type in ('CARE_HOME', 'CARE_HOME_NURSING') and (hashtext(cast(s.id as text)) & 2147483647) / 7 % 4 = 0 then 'RESPITE' end,
					    case when (hashtext(cast(s.id as text)) & 2147483647) / 13 % 18 = 0 then 'POLISH' end,
					    case when (hashtext(cast(s.id as text)) & 2147483647) / 17 % 22 = 0 then 'PORTUGUESE' end,
					    case when (hashtext(cast(s.id as text)) & 2147483647) / 19 % 30 = 0 then 'ROMANIAN' end,
					    case when (hashtext(cast(s.id as text)) & 2147483647) / 23 % 35 = 0 then 'BRITISH_SIGN_LANGUAGE' end,
					    case when (s.postcode_district like 'TR%' or s.postcode_district like 'PL%') and (hashtext(cast(s.id as text)) & 2147483647) / 29 % 25 = 0
					         then 'CORNISH' end], null),
					    specialisms_changed_at = s.updated_at""")
			.update();
	}

}
