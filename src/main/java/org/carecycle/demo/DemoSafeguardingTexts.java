package org.carecycle.demo;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.carecycle.concerns.AbuseType;

/**
 * What staff write on the demo's safeguarding cases: short, factual, initials only.
 * {@code {p}} is the adult as staff write them ("Mrs JT (87)"), {@code {i}} their
 * initials, {@code {s}} the service's name, {@code {they}}/{@code {them}} their pronouns.
 */
final class DemoSafeguardingTexts {

	private DemoSafeguardingTexts() {
	}

	/** Summaries of concerns about a service (care home, home care, supported living). */
	static final Map<AbuseType, List<String>> AT_A_SERVICE = new EnumMap<>(AbuseType.class);

	/** Summaries of concerns at home or in the community, with no service to blame. */
	static final Map<AbuseType, List<String>> ELSEWHERE = new EnumMap<>(AbuseType.class);

	static {
		AT_A_SERVICE.put(AbuseType.NEGLECT, List.of(
				"{s} reported that {p} was found in soiled bedding at the morning handover with a grade 3 pressure area to the sacrum not recorded before. Repositioning charts blank for two nights.",
				"District nurse reports {p} has lost 6kg in eight weeks at {s}; food and fluid charts not kept and no referral made to the GP or dietitian.",
				"{p} missed evening medicines on four occasions in a fortnight at {s}; gaps on the MAR chart found by the visiting pharmacist.",
				"Carers from {s} did not attend the lunchtime and tea visits; {p} was found by a neighbour on the floor at 19:30, without food or drink since the morning.",
				"{p} had an unwitnessed fall at {s} and was not seen by a nurse or GP for 36 hours; later found to have a fractured hip.",
				"Paramedics called to {s} found {p} dehydrated and confused, with a urine infection the home had not noticed; admitted to hospital."));
		AT_A_SERVICE.put(AbuseType.PHYSICAL, List.of(
				"Unexplained bruising to both forearms of {p} found during personal care at {s}; body map completed. {i} cannot say how it happened.",
				"Resident-on-resident: {p} was pushed by another resident in the lounge at {s} and fell, injuring a wrist. Third incident between the two this month.",
				"A carer at {s} was seen handling {p} roughly during a hoist transfer; the carer has been taken off the rota while the home looks into it.",
				"{p} has a skin tear and finger-shaped bruises to the upper arm; {s} says it happened during a two-person transfer but no incident form was written."));
		AT_A_SERVICE.put(AbuseType.PSYCHOLOGICAL, List.of(
				"A night carer at {s} was overheard shouting at {p} and telling {them} {they} would be left until morning if {they} rang the bell again.",
				"{p} told a visiting relative that staff at {s} laugh at {them} and call {them} names when {they} needs the toilet."));
		AT_A_SERVICE.put(AbuseType.FINANCIAL, List.of(
				"Petty cash at {s} does not reconcile: £640 cannot be accounted for from the comfort fund of {p}.",
				"The family of {p} found that {s} charged for 14 visits that the rota shows did not happen."));
		AT_A_SERVICE.put(AbuseType.ORGANISATIONAL, List.of(
				"Several families report {s} has had no permanent manager for three months; residents including {p} are got up from 05:00 and left in the lounge.",
				"CQC inspection feedback on {s}: too few staff at night, call bells unanswered for 20 minutes; {p} was among the residents observed waiting."));
		AT_A_SERVICE.put(AbuseType.SEXUAL, List
			.of("{p} told a nurse at {s} that a male visitor touched {them} inappropriately; police informed and the visitor's access stopped."));
		AT_A_SERVICE.put(AbuseType.DISCRIMINATORY, List
			.of("{p} says staff at {s} mock {them} about {their} accent and do not provide the meals {their} faith requires."));
		ELSEWHERE.put(AbuseType.NEGLECT, List.of(
				"Daughter reports {p} is left without meals by the partner who is {their} main carer; GP notes weight loss and untreated leg ulcers.",
				"Ambulance crew found {p} on the floor at home, where {they} had been for two days; the son who lives with {them} had not called for help."));
		ELSEWHERE.put(AbuseType.PHYSICAL, List.of(
				"Police attended after a neighbour heard shouting; {p} had a cut to the head and said {their} son had pushed {them}. PPN received.",
				"{p} attended A&E with a fractured wrist; the account given by the relative with {them} did not match the injury."));
		ELSEWHERE.put(AbuseType.FINANCIAL, List.of(
				"The bank reports £4,800 withdrawn from the account of {p} over three weeks by a new friend who visits daily. {i} has early dementia.",
				"{p} paid £3,000 to a doorstep trader for roof repairs that were not done; Trading Standards told.",
				"Nephew holds lasting power of attorney for {p}; care fees unpaid for five months while money leaves the account."));
		ELSEWHERE.put(AbuseType.PSYCHOLOGICAL, List.of(
				"{p} told a care worker that {their} husband threatens to put {them} in a home if {they} tells anyone how he speaks to {them}.",
				"GP reports {p} is frightened of a lodger who shouts at {them} and will not let friends visit."));
		ELSEWHERE.put(AbuseType.SELF_NEGLECT, List.of(
				"Home fire safety visit found {p} living in one room, with papers blocking the exits, no heating and spoiled food. Declines help.",
				"Housing officer reports {p} has not let anyone in for months, the flat smells strongly and neighbours have not seen {them} go out."));
		ELSEWHERE.put(AbuseType.DOMESTIC, List.of(
				"Police PPN: {p}, who has a learning disability, says {their} partner controls {their} money and phone and has hit {them}.",
				"MARAC referral: {p} is assaulted by {their} adult son, who has moved back in; third police call-out this year."));
		ELSEWHERE.put(AbuseType.SEXUAL, List
			.of("{p} disclosed to a community nurse that a neighbour has been coming in at night and touching {them}; police informed."));
		ELSEWHERE.put(AbuseType.SEXUAL_EXPLOITATION, List
			.of("{p}, who has a learning disability, is being picked up from town by older men and given alcohol; police are concerned about exploitation."));
		ELSEWHERE.put(AbuseType.MODERN_SLAVERY, List
			.of("Police found {p} living in a caravan on a farm and working without pay; {their} documents are held by the employer."));
		ELSEWHERE.put(AbuseType.DISCRIMINATORY, List
			.of("{p} has been targeted by neighbours with abuse about {their} disability and had eggs thrown at the window."));
		ELSEWHERE.put(AbuseType.ORGANISATIONAL, List
			.of("Ward staff report {p} was discharged home late at night with no care in place and no key safe code."));
	}

	/** What the person was told, when no further action was taken about a service. */
	static final List<String> NFA_AT_A_SERVICE = List.of(
			"The service is to complete a review and update {i}'s care plan. {i} and family told this will not go further as a safeguarding enquiry and who to call if anything changes.",
			"Advice given to the provider on recording and reporting: a single incident with no harm, reviewed by the GP the same day. {i}'s family told.",
			"Information gathered from the GP and the provider shows no abuse or neglect; {i} told the outcome by phone.",
			"Passed to the QA team to follow up with the provider at its next monitoring visit; {i} and family told.");

	/** What the person was told, when no further action was taken about a hospital. */
	static final List<String> NFA_IN_HOSPITAL = List.of(
			"Dealt with by the hospital's own safeguarding team under NHS procedures; {i}'s family told.",
			"Passed to the ward's matron and the trust's safeguarding lead; {i} told who to call if it happens again.");

	/** What the person was told or signposted to, when no further action was taken. */
	static final List<String> NFA = List.of(
			"Signposted to Age UK for help with money matters and to the bank's vulnerable customer team; {i} has capacity and was happy with this.",
			"Passed to the locality team for a review of care and support needs; {i}'s family told how to raise a new concern.",
			"{i} has capacity and declined support; given the domestic abuse helpline number and information about the local outreach service.",
			"Information gathered from the GP and the provider shows no abuse or neglect; {i} told the outcome by phone.",
			"Referred to the fire service for a home safety visit and to the GP; {i} agreed to a follow-up call in a month.");

	/** Reasons for no further action. */
	static final List<String> NFA_REASONS = List.of(
			"Criteria not met: a single incident with no harm, put right by the provider.",
			"Criteria not met: {i} has capacity, is able to protect {them}self and does not want an enquiry.",
			"No indication of abuse or neglect once information was gathered from the GP and the provider.",
			"Care and support needs are met; the risk is managed through the care plan and an assessment of needs.");

	static final List<String> PLANNING = List.of(
			"Planning discussion with the registered manager and the district nurse: the provider will investigate and report within 20 working days; the council will visit {i}.",
			"Planning call with the police and the GP: police lead on the criminal matter, the council on {i}'s safety and wishes.",
			"Planning discussion with {i} and the family: the social worker will visit weekly until the enquiry concludes.",
			"Strategy discussion with the provider, the ward and the ICB quality team; the home to share its records and staff rota.");

	static final List<String> CAUSED_REQUESTS = List.of(
			"Please investigate how {i}'s injuries happened: statements from the staff on shift, the body map, care notes and rota for the week, and what you have changed.",
			"Please review {i}'s medicines records for the last month with your pharmacist, explain each gap and send your action plan.",
			"Please look into the missed visits: call monitoring data, rota, the carers' accounts, and what you will do so it does not happen again.",
			"Please investigate {i}'s weight loss and pressure care: charts, referrals made, staff training records and your findings.");

	static final List<String> CAUSED_RESPONSES = List.of(
			"The home's investigation found the repositioning chart was not followed on two nights; the staff involved have had supervision and training, and night checks are now audited weekly.",
			"Two carers did not attend because of a rota error; the provider has changed its scheduling checks and apologised to {i}'s family.",
			"The pharmacist's review found four missed doses and one recording error; medicines training repeated for all staff and a second check added at the evening round.",
			"Statements and the rota do not show how the bruising happened; the moving and handling plan has been reviewed and a new sling ordered.");

	static final List<String> DESIRED_OUTCOMES = List.of("To feel safe and stay where {they} lives.",
			"To get {their} money back and stop the visits.", "For the carers to come on time.",
			"For the staff member not to look after {them} again.", "To be left alone to manage in {their} own way.",
			"For {their} family to know what happened.");

	static final List<String> PROTECTION_PLANS = List.of(
			"Daily checks of repositioning charts by the nurse in charge; weekly review by the QA officer for six weeks.",
			"Bank account now managed by the council's appointee team; police investigation continues.",
			"Call monitoring shared weekly with the council; a named carer for {i}'s morning and tea visits.",
			"Two staff for every transfer; new moving and handling assessment; family to be called after any injury.",
			"Monthly visits by the social worker; GP and community nurse share concerns the same day.");

	static final List<String> CONCLUSIONS = List.of(
			"Neglect substantiated: care records and staff accounts show {i}'s care plan was not followed. Actions agreed with the provider are in place and working.",
			"Inconclusive: no account of how the injury happened, but the risks found have been reduced through the new plan.",
			"Concern not substantiated: records and accounts show {i} received the care planned. No further action.",
			"Financial abuse substantiated; police investigating. {i}'s money is now protected.",
			"Enquiry ended at {i}'s request; {they} has capacity and has the support {they} wants in place.");

	static String pick(List<String> texts, Random random) {
		return texts.get(random.nextInt(texts.size()));
	}

	static String fill(String text, String person, String initials, String service, boolean female, boolean known) {
		String they = !known ? "they" : female ? "she" : "he";
		String them = !known ? "them" : female ? "her" : "him";
		String their = !known ? "their" : female ? "her" : "his";
		return text.replace("{p}", person)
			.replace("{i}", initials)
			.replace("{s}", (service != null) ? service : "the service")
			.replace("{they} needs", known ? they + " needs" : "they need")
			.replace("{they} lives", known ? they + " lives" : "they live")
			.replace("{they} tells", known ? they + " tells" : "they tell")
			.replace("{they} has", known ? they + " has" : "they have")
			.replace("{they}", they)
			.replace("{them}", them)
			.replace("{their}", their);
	}

	static String words(AbuseType type) {
		return switch (type) {
			case PHYSICAL -> "physical abuse";
			case SEXUAL -> "sexual abuse";
			case PSYCHOLOGICAL -> "psychological abuse";
			case FINANCIAL -> "financial abuse";
			case DISCRIMINATORY -> "discriminatory abuse";
			case ORGANISATIONAL -> "organisational abuse";
			case NEGLECT -> "neglect";
			case DOMESTIC -> "domestic abuse";
			case SEXUAL_EXPLOITATION -> "sexual exploitation";
			case MODERN_SLAVERY -> "modern slavery";
			case SELF_NEGLECT -> "self-neglect";
			case ANY -> "abuse or neglect";
		};
	}

}
