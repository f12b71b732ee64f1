package org.carecycle.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.carecycle.providers.ServiceType;
import org.carecycle.quality.QaRating;

/**
 * What the demo's quality assurance officers write: findings for each standard at each
 * rating, summaries, who they spoke to, the providers' actions and comments. Sentences
 * are combined at random (from the generator's seeded random, so the same county always
 * reads the same), with the service's own words for the people it supports.
 */
final class DemoReviewTexts {

	/** What a standard's findings are made of. */
	private record Bank(String[] strengths, String[] shortfalls, String[] actions) {
	}

	private static final Map<String, Bank> BANKS = Map.ofEntries(Map.entry("RESPECTING_AND_INVOLVING", new Bank(
			new String[] { "People told us staff are kind and patient, and knock before coming into their rooms.",
					"Staff spoke to {people} with warmth and respect, and gave them time to answer.",
					"Care plans record how each person likes to be addressed and what matters to them.",
					"Information about the service is available in large print and easy read.",
					"People choose when to get up and go to bed, and staff respect their routines." },
			new String[] { "Two people said staff sometimes talk over them while helping them.",
					"We saw a door left open while personal care was being given.",
					"The guide to the service is out of date and not available in other formats.",
					"People's cultural and faith needs are not recorded in their care plans." },
			new String[] { "Discuss dignity and privacy at every team meeting and observe practice monthly.",
					"Update the guide to the service and provide it in large print and easy read.",
					"Record each person's cultural and faith needs in their care plan." })),
			Map.entry("CONSENT", new Bank(new String[] {
					"Care records show consent was sought and recorded before care started.",
					"Mental capacity assessments are about specific decisions, and best-interest decisions are recorded with the people involved.",
					"A tracker shows every Deprivation of Liberty Safeguards application, its authorisation and its conditions.",
					"Staff we spoke to understood the Mental Capacity Act and how it applies to their work." },
					new String[] {
							"Care plans for {n} people had no record of consent, or had been signed by relatives without the legal authority to do so.",
							"Mental capacity assessments were generic rather than about specific decisions.",
							"Two Deprivation of Liberty Safeguards authorisations had expired and new applications had not been made.",
							"Conditions attached to a Deprivation of Liberty Safeguards authorisation were not being met or recorded." },
					new String[] { "Review every care plan for recorded consent and correct who has signed.",
							"Complete mental capacity assessments for specific decisions where they are needed.",
							"Keep a tracker of Deprivation of Liberty Safeguards applications, expiry dates and conditions." })),
			Map.entry("CARE_AND_WELFARE", new Bank(new String[] {
					"Care plans are person-centred, reviewed monthly and reflect people's current needs.",
					"Risk assessments for falls, skin integrity and moving and handling are in place and up to date.",
					"Referrals to GPs, district nurses and therapists are made promptly and their advice is followed.",
					"Daily notes are detailed and show care being given as planned." },
					new String[] { "Care plans for {n} people had not been reviewed after a change in their needs.",
							"Repositioning charts had gaps of up to eight hours for a person at high risk of pressure damage.",
							"A falls risk assessment had not been updated after three falls in a month.",
							"Care plans did not say how to support people whose behaviour can challenge." },
					new String[] { "Review all care plans and risk assessments monthly and after any change in need.",
							"Check repositioning charts daily; the senior in charge signs them off.",
							"Update falls risk assessments after every fall and refer to the falls team." })),
			Map.entry("NUTRITION", new Bank(new String[] {
					"We saw a relaxed mealtime, with choice offered and help given discreetly.",
					"Malnutrition screening is done monthly and weight loss is referred to the GP or dietitian.",
					"Special diets and textures recommended by speech and language therapists are followed.",
					"Drinks and snacks are offered throughout the day." },
					new String[] { "Food and fluid charts were incomplete for people at risk of dehydration.",
							"Two people who had lost weight had not been screened again or referred.",
							"People were not offered a choice at lunchtime and some waited a long time for help to eat.",
							"Modified diet guidance in the kitchen did not match people's current assessments." },
					new String[] { "Screen everyone for malnutrition again and refer weight loss to the GP.",
							"Check food and fluid charts at every handover.",
							"Update the kitchen's list of modified diets after every speech and language therapy assessment." })),
			Map.entry("COOPERATING_WITH_PROVIDERS", new Bank(new String[] {
					"Hospital passports are up to date and go with people when they are admitted.",
					"Visiting professionals told us the service contacts them appropriately and follows their advice.",
					"Records show joined-up working with the district nurses and the GP surgery." },
					new String[] { "Advice from the physiotherapist had not been added to the care plan.",
							"Transfer information for a recent hospital admission was incomplete.",
							"Professionals told us the service does not always share information promptly." },
					new String[] { "Add professionals' advice to care plans within two days of their visit.",
							"Use the hospital transfer pack for every admission and check it before it goes." })),
			Map.entry("SAFEGUARDING", new Bank(new String[] {
					"Staff we spoke to knew how to recognise and report abuse, and said they would be confident to do so.",
					"Safeguarding concerns have been raised with the council promptly and the service has learnt from them.",
					"Records of people's money are accurate and there is a receipt for every transaction.",
					"Restrictive practices are few, authorised and reviewed." },
					new String[] {
							"An unexplained bruise recorded in the daily notes had not been reported as a safeguarding concern.",
							"Not all staff had completed safeguarding training, and some were unsure how to report outside the service.",
							"Financial records for {n} people did not balance and receipts were missing.",
							"The safeguarding log had not been kept up to date." },
					new String[] {
							"Refresh safeguarding training for all staff and check their understanding in supervision.",
							"Report every unexplained injury to the council's safeguarding team and keep a log.",
							"Reconcile people's money weekly against receipts, checked by the manager." })),
			Map.entry("INFECTION_CONTROL", new Bank(new String[] {
					"The premises were clean and free from odours throughout our visit.",
					"Cleaning schedules are completed and audited monthly.",
					"Staff used personal protective equipment properly and hand-washing facilities were well stocked." },
					new String[] { "Some bathrooms and a sluice room were not clean, and cleaning schedules had gaps.",
							"We saw staff wearing the same gloves between tasks.",
							"There had been no infection control audit in the last six months.",
							"Clean and soiled laundry were not kept apart." },
					new String[] { "Introduce a daily cleaning checklist signed off by the senior on shift.",
							"Carry out a full infection control audit and act on what it finds.",
							"Observe hand hygiene and the use of protective equipment every month." })),
			Map.entry("MEDICINES", new Bank(new String[] {
					"Medication administration records sampled for {n} people were complete and accurate.",
					"Medicines are stored securely at the right temperature, and controlled drugs are checked twice a day.",
					"Protocols for medicines given as required are clear and personal to each person.",
					"Medication audits are completed monthly, and errors are investigated and learnt from." },
					new String[] {
							"We found gaps on medication administration records for {n} people, with no explanation.",
							"Protocols for medicines given as required were missing or did not say when to give them.",
							"Fridge temperatures had not been recorded for several days.",
							"Competency checks for staff who give medicines were overdue." },
					new String[] { "Check medication records daily and investigate any gap the same day.",
							"Write a protocol for every medicine given as required, personal to the person.",
							"Complete competency checks for every member of staff who gives medicines." })),
			Map.entry("PREMISES", new Bank(
					new String[] { "The fire risk assessment, fire drills and equipment checks are up to date.",
							"Gas, electrical and water safety certificates are current.",
							"Every person has a personal emergency evacuation plan that reflects their needs.",
							"The premises are well maintained, with clear signs and a safe, accessible garden." },
					new String[] { "Fire doors were wedged open and the last fire drill was more than six months ago.",
							"Personal emergency evacuation plans were missing for {n} people.",
							"Window restrictors were missing on two first-floor windows.",
							"The legionella risk assessment was out of date." },
					new String[] { "Stop fire doors being wedged open and fit door closers where they are needed.",
							"Write personal emergency evacuation plans for everyone and review them monthly.",
							"Fit window restrictors and add them to the monthly safety checks." })),
			Map.entry("EQUIPMENT",
					new Bank(
							new String[] { "Hoists and slings are serviced under LOLER and checked before each use.",
									"Pressure-relieving mattresses are set correctly for people's weights.",
									"Staff used equipment safely when we observed moving and handling." },
							new String[] { "A hoist was overdue its six-monthly LOLER inspection.",
									"Two pressure-relieving mattresses were set for the wrong weight.",
									"Slings were shared between people rather than assessed for each person." },
							new String[] { "Book LOLER inspections and keep a schedule of when each is due.",
									"Check mattress settings against people's weights every week.",
									"Assess each person for their own sling." })),
			Map.entry("REQUIREMENTS_FOR_WORKERS", new Bank(new String[] {
					"The {n} staff files we sampled had references, DBS checks and right-to-work checks before staff started.",
					"Recruitment follows the provider's policy, and gaps in employment history are explained.",
					"Interview records show values-based questions and two interviewers." },
					new String[] { "Two of the {n} staff files we sampled had only one reference.",
							"A member of staff started work before their DBS check came back, with no risk assessment.",
							"Gaps in employment history had not been explored at interview." },
					new String[] { "Audit every staff file and obtain any missing references.",
							"Start new staff only once their DBS check has come back, or with a risk assessment and supervision until it has." })),
			Map.entry("STAFFING",
					new Bank(
							new String[] { "Rotas for the last four weeks match the assessed staffing levels.",
									"Agency use is low, and agency staff receive an induction.",
									"People told us staff come quickly when they need them." },
							new String[] { "Rotas showed shifts below the assessed staffing level on several days.",
									"Agency staff covered many night shifts, often without an induction.",
									"People told us they wait a long time for staff to come when they call." },
							new String[] { "Review staffing against a dependency tool every month.",
									"Recruit to vacant night posts to reduce the use of agency staff.",
									"Give every agency worker an induction on their first shift." })),
			Map.entry("SUPPORTING_STAFF", new Bank(
					new String[] { "The training matrix shows mandatory training up to date for almost all staff.",
							"Staff receive regular supervision and an annual appraisal.",
							"New staff complete the Care Certificate and shadow experienced colleagues.",
							"Staff told us they feel supported and able to raise concerns." },
					new String[] { "Mandatory training had lapsed for about a third of staff.",
							"Supervision records show several staff had not had supervision for over six months.",
							"New staff were not completing the Care Certificate.",
							"Staff did not know the whistleblowing policy." },
					new String[] { "Book every member of staff whose mandatory training has lapsed on a course.",
							"Set a supervision schedule and check it every month.",
							"Enrol all new staff on the Care Certificate." })),
			Map.entry("MONITORING_QUALITY", new Bank(new String[] {
					"The registered manager knows the service and the people well.",
					"Monthly audits find issues, and the actions taken are recorded and checked.",
					"Notifications to CQC and the council have been made as required.",
					"The provider surveys people, relatives and staff and says what it has changed as a result." },
					new String[] { "Audits had not picked up the shortfalls we found in medicines and care records.",
							"The service has been without a registered manager for several months.",
							"Not all incidents had been notified to CQC and the council.",
							"Actions from the last review had not all been completed." },
					new String[] {
							"Extend the monthly audits to medicines and care records, and track every action to completion.",
							"Recruit a registered manager and apply to CQC.",
							"Notify CQC and the council of every notifiable incident." })),
			Map.entry("COMPLAINTS", new Bank(new String[] {
					"People and relatives know how to complain, and complaints are answered within the provider's timescales.",
					"The complaints log shows each complaint investigated, answered and learnt from.",
					"Compliments are shared with the staff team." },
					new String[] { "The complaints log did not show outcomes or responses for {n} complaints.",
							"The complaints procedure on display had out-of-date contact details.",
							"Relatives told us their concerns had not been acknowledged." },
					new String[] { "Record the outcome and response for every complaint.",
							"Update the complaints procedure and display it where people and visitors will see it." })),
			Map.entry("RECORDS", new Bank(
					new String[] { "Records are accurate, complete and kept securely.",
							"Electronic care records are kept up to date during each shift.",
							"The Data Security and Protection Toolkit has been completed." },
					new String[] { "Daily notes were brief and did not show what care was given.",
							"Records were kept in an unlocked office.", "Some entries were not dated or signed.",
							"The Data Security and Protection Toolkit had not been completed this year." },
					new String[] { "Train staff in writing daily notes and audit them monthly.",
							"Keep records in a locked office or cabinet.",
							"Complete the Data Security and Protection Toolkit." })));

	/** For a standard a newer framework adds and these banks do not know. */
	private static final Bank GENERIC = new Bank(
			new String[] { "What we saw and the records we sampled met the standard.",
					"Staff we spoke to understood what is expected of them here." },
			new String[] { "Records we sampled did not show the standard being met consistently.",
					"Staff we spoke to were unsure what is expected of them here." },
			new String[] { "Review practice against the standard and audit it monthly." });

	private static final String[] EXCELLENT = { "This is an area of real strength.",
			"The service goes beyond what is expected here.", "Practice here is among the best we see." };

	/** What an officer writes before a shortfall, without contradicting it. */
	private static final String[] MIXED = { "Some of what we saw met the standard, but not consistently.",
			"The manager was aware of this and had started to put it right.",
			"Staff we spoke to were committed to improving this." };

	private static final String[] POOR = { "This puts people at risk of harm and needs action now.",
			"We raised this with the manager on the day.",
			"This was also found at the last review and has not improved." };

	private static final String[] UPDATED = {
			"Updated after the provider's comments: the evidence sent shows this was in place at the time of the visit.",
			"Updated after the provider's comments: records sent after the draft show the shortfall was put right before the visit." };

	private static final String[] COMMENTS = {
			"The gaps were on days the person was in hospital; the discharge letter is attached.",
			"The training was completed in the week of the visit and the certificates are attached.",
			"The audit the draft mentions was completed last month; it was filed in the manager's office on the day.",
			"We think this finding is based on one shift and does not reflect the service as a whole.",
			"The application was made in time; the council's acknowledgement is attached.",
			"The records were on the electronic system, which the officer did not ask to see." };

	private static final String[] UPHELD = { "The evidence sent shows this was in place at the time of the visit.",
			"Accepted: the records provided answer the finding." };

	private static final String[] NOT_UPHELD = { "The evidence does not change what was seen on the day.",
			"The records provided are dated after the visit, so the finding stands.",
			"The finding is based on more than one source; it stands." };

	private static final String[] COMPLETION = { "Done; checked at the last monthly audit.",
			"Completed; evidence sent to the quality assurance officer.",
			"Done and signed off by the registered manager.", "In place and working; reviewed at the team meeting.",
			"Completed; the audit since shows an improvement." };

	private static final String[] RETURNED = { "Some actions have no owner or date; please add them.",
			"The actions for medicines do not address the gaps we found; please be more specific.",
			"Please make the dates realistic: several actions are due the day after the plan." };

	private static final String[] CANCELLED = { "The manager is on leave that week; moved at the provider's request.",
			"Officer absence; the review will be planned again.",
			"An infection outbreak at the service; postponed on the health protection team's advice." };

	private static final String[] OWNER_ROLES = { "Deputy manager", "Operations manager", "Training coordinator",
			"Senior carer", "Care coordinator" };

	private DemoReviewTexts() {
	}

	private static Bank bank(String standardKey) {
		return BANKS.getOrDefault(standardKey, GENERIC);
	}

	/** The officer's findings for a standard at a rating: one to three sentences. */
	static String findings(String standardKey, QaRating rating, ServiceType type, Random random) {
		Bank bank = bank(standardKey);
		List<String> sentences = new ArrayList<>(3);
		switch (rating) {
			case EXCELLENT -> {
				pickDistinct(bank.strengths(), 2, random, sentences);
				sentences.add(pick(random, EXCELLENT));
			}
			case GOOD -> pickDistinct(bank.strengths(), 1 + random.nextInt(2), random, sentences);
			case REQUIRES_IMPROVEMENT -> {
				if (random.nextInt(5) < 2) {
					sentences.add(pick(random, MIXED));
				}
				pickDistinct(bank.shortfalls(), (random.nextInt(3) == 0) ? 2 : 1, random, sentences);
			}
			case POOR -> {
				pickDistinct(bank.shortfalls(), 2, random, sentences);
				sentences.add(pick(random, POOR));
			}
		}
		return fill(String.join(" ", sentences), type, random);
	}

	/** The same findings after a provider's comment was upheld. */
	static String updated(String findings, Random random) {
		return findings + " " + pick(random, UPDATED);
	}

	/** A short note of evidence for a standard, as recorded during the visit. */
	static String evidence(String standardKey, QaRating rating, ServiceType type, Random random) {
		Bank bank = bank(standardKey);
		String seen = (rating != null && rating.isBelowGood()) ? pick(random, bank.shortfalls())
				: pick(random, bank.strengths());
		return fill(seen, type, random);
	}

	/**
	 * The action at this place in a standard's list (each of a plan's actions differs).
	 */
	static String action(String standardKey, int index) {
		String[] actions = bank(standardKey).actions();
		return actions[index % actions.length];
	}

	static String owner(String registeredManager, ServiceType type, Random random) {
		if (registeredManager != null && random.nextInt(20) < 11) {
			return registeredManager + " (registered manager)";
		}
		if (type == ServiceType.CARE_HOME_NURSING && random.nextInt(4) == 0) {
			return "Clinical lead";
		}
		return pick(random, OWNER_ROLES);
	}

	static String completion(Random random) {
		return pick(random, COMPLETION);
	}

	static String comment(Random random) {
		return pick(random, COMMENTS);
	}

	static String disputeResponse(boolean upheld, Random random) {
		return pick(random, upheld ? UPHELD : NOT_UPHELD);
	}

	static String disputeSummary(int challenged, int upheld) {
		String comments = (challenged == 1) ? "one finding" : String.format(Locale.ROOT, "%d findings", challenged);
		String decision;
		if (upheld == challenged) {
			decision = (challenged == 1) ? "upheld it and changed the rating"
					: "upheld them all and changed the ratings";
		}
		else if (upheld == 0) {
			decision = (challenged == 1) ? "did not uphold it" : "upheld none of them";
		}
		else {
			decision = String.format(Locale.ROOT, "upheld %d, changing the rating, and did not uphold %d", upheld,
					challenged - upheld);
		}
		return "The provider commented on " + comments + "; the senior officer " + decision + ".";
	}

	static String returned(Random random) {
		return pick(random, RETURNED);
	}

	static String cancelled(Random random) {
		return pick(random, CANCELLED);
	}

	/** Who the officer spoke to, in the service's own words. */
	static String peopleSpokenTo(ServiceType type, Random random) {
		int staff = 2 + random.nextInt(5);
		int people = 3 + random.nextInt(6);
		int family = random.nextInt(4);
		String families = (family == 0) ? "" : ", and " + family + ((family == 1) ? " relative" : " relatives");
		String manager = (random.nextInt(8) == 0) ? "The deputy manager" : "The registered manager";
		return switch (type) {
			case CARE_HOME, CARE_HOME_NURSING ->
				manager + ", " + staff + " staff, " + people + " people living at the home" + families;
			case HOME_CARE -> manager + ", the care coordinator, " + staff + " care workers, " + people
					+ " people using the service by phone" + families;
			case SUPPORTED_LIVING, EXTRA_CARE ->
				manager + ", " + staff + " support workers, " + people + " tenants" + families;
			case SHARED_LIVES ->
				"The scheme manager, " + staff + " shared lives carers and " + people + " people who live with them";
			case DAY_SERVICE -> "The manager, " + staff + " staff and " + people + " people attending on the day";
		};
	}

	/**
	 * The review's summary: how the visit went, the overall judgement, the strengths and
	 * what must improve.
	 */
	static String summary(QaRating overall, boolean followUp, boolean announced, int visitDays, List<String> strengths,
			List<String> improvements, Random random) {
		StringBuilder text = new StringBuilder();
		if (followUp) {
			text.append("This follow-up review checked progress against the action plan from the last review. ");
			text.append(overall.isBelowGood() ? "Some actions had not been completed or had not made a difference. "
					: "The actions have been completed and the improvements are in place. ");
		}
		text.append((visitDays > 1) ? "We visited over two days" : "We visited for a day")
			.append(announced ? ", having told the provider in advance. "
					: ", without telling the provider in advance. ");
		text.append(switch (overall) {
			case EXCELLENT ->
				"This is an excellent service: people receive consistently high-quality care that is built around them. ";
			case GOOD -> (random.nextBoolean()) ? "This is a good service where people are safe and well cared for. "
					: "People receive good care from staff who know them well. ";
			case REQUIRES_IMPROVEMENT ->
				"The service requires improvement: people are generally well cared for, but there are shortfalls that need action. ";
			case POOR ->
				"The service is poor: we found shortfalls that put people at risk of harm, and we have told the provider what must change. ";
		});
		if (!strengths.isEmpty()) {
			text.append("Strengths include ").append(list(strengths)).append(". ");
		}
		if (!improvements.isEmpty()) {
			text.append("Improvement is needed in ").append(list(improvements)).append('.');
		}
		return text.toString().strip();
	}

	private static String list(List<String> names) {
		List<String> lower = names.stream()
			.map(name -> Character.toLowerCase(name.charAt(0)) + name.substring(1))
			.toList();
		if (lower.size() == 1) {
			return lower.get(0);
		}
		return String.join(", ", lower.subList(0, lower.size() - 1)) + " and " + lower.get(lower.size() - 1);
	}

	private static String fill(String text, ServiceType type, Random random) {
		if (text.indexOf('{') < 0) {
			return text;
		}
		String people = switch (type) {
			case CARE_HOME, CARE_HOME_NURSING -> "people living at the home";
			case SUPPORTED_LIVING, EXTRA_CARE -> "tenants";
			default -> "people using the service";
		};
		return text.replace("{people}", people).replace("{n}", String.valueOf(3 + random.nextInt(6)));
	}

	private static void pickDistinct(String[] from, int count, Random random, List<String> into) {
		int start = random.nextInt(from.length);
		for (int i = 0; i < Math.min(count, from.length); i++) {
			into.add(from[(start + i) % from.length]);
		}
	}

	private static String pick(Random random, String[] values) {
		return values[random.nextInt(values.length)];
	}

}
