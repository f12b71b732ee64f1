package org.carecycle.concerns;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds details in what the council is about to tell a provider that might let the
 * provider work out who raised the concern: names, initials, job roles and shifts, places
 * in the building, dates and times, contact details, and words from the reporter's own
 * name or email address. It is a set of rules, not a model (ADR 0027): it over-highlights
 * on purpose, because a false highlight costs the officer a glance and a missed one can
 * cost a whistleblower their job. It cannot find everything, and the page says so.
 */
public final class IdentifyingDetails {

	/** What kind of detail was found, in the order a tie is decided. */
	public enum Kind {

		CONTACT, REPORTER, PLACE, DATE_OR_TIME, ROLE_OR_SHIFT, INITIALS, NAME;

		public String messageKey() {
			return "identifying.kind." + name();
		}

	}

	/** One detail: where it is in the text, and what kind it looks like. */
	public record Finding(int start, int end, Kind kind, String text) {
	}

	/** A piece of the text, highlighted when {@code kind} is not null. */
	public record Segment(String text, Kind kind) {

		public boolean marked() {
			return this.kind != null;
		}

	}

	/**
	 * What is known about the concern that helps: the reporter's name and email, who was
	 * affected, and the service's own name (which the provider knows anyway).
	 */
	public record Context(String reporterName, String reporterEmail, String peopleAffected, String serviceName) {

		public static Context of(Concern concern, String serviceName) {
			return new Context(concern.reporterName(), concern.reporterEmail(), concern.peopleAffected(), serviceName);
		}

		public static Context none() {
			return new Context(null, null, null, null);
		}

	}

	private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	private static final String W = "[\\p{L}\\d_-]{1,40}";

	private static final String DOT = "(?:\\s*[\\[(]\\s*dot\\s*[\\])]\\s*|\\s+dot\\s+|\\.)";

	private static final Pattern EMAIL = Pattern
		.compile("[\\p{L}\\d._%+-]{1,64}@[\\p{L}\\d-]{1,63}(?:\\.[\\p{L}\\d-]{1,63}){1,4}");

	private static final Pattern OBFUSCATED_EMAIL = Pattern.compile("(?<![\\p{L}\\d])" + W + "(?:" + DOT + W
			+ "){0,3}\\s*(?:[\\[(]\\s*at\\s*[\\])]|\\s+at\\s+|@)\\s*" + W + "(?:" + DOT + W + "){0,3}(?![\\p{L}\\d])",
			CI);

	private static final Set<String> MAIL_PROVIDERS = Set.of("gmail", "googlemail", "hotmail", "yahoo", "outlook",
			"live", "icloud", "aol", "btinternet", "btopenworld", "sky", "virginmedia", "protonmail", "proton", "me",
			"msn", "nhs", "nhsnet", "talktalk", "ymail");

	private static final Pattern PHONE = Pattern.compile("(?<![\\d])\\+?\\d(?:[\\s().-]{0,2}\\d){8,12}(?!\\d)");

	private static final String DIGIT_WORD = "(?:zero|oh|nought|one|two|three|four|five|six|seven|eight|nine|double|treble|triple)";

	private static final Pattern SPELLED_NUMBER = Pattern
		.compile("\\b(?:" + DIGIT_WORD + "[\\s,-]{1,3}){4,20}" + DIGIT_WORD + "\\b", CI);

	private static final Pattern HANDLE = Pattern.compile("(?<![\\w.@])@[A-Za-z0-9_]{2,30}\\b");

	private static final String MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

	private static final String ORDINAL = "\\d{1,2}(?:st|nd|rd|th)?";

	private static final String DAY = "(?:mon|tues?|wed(?:nes)?|thur?s?|fri|sat(?:ur)?|sun)(?:day)?s?";

	private static final String NUMBER_WORD = "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)";

	private static final List<Pattern> DATES = List.of(
			Pattern.compile("\\b" + ORDINAL + "\\s+(?:of\\s+)?" + MONTH + "\\b(?:\\s+\\d{4})?", CI),
			Pattern.compile("\\b" + MONTH + "\\s+" + ORDINAL + "\\b(?!\\d)", CI),
			Pattern.compile("\\bthe\\s+\\d{1,2}(?:st|nd|rd|th)\\b", CI),
			Pattern.compile("\\b\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b"),
			Pattern.compile("\\b\\d{1,2}(?:[:.]\\d{2})?\\s*(?:am|pm|a\\.m\\.|p\\.m\\.)(?![\\p{L}])", CI),
			Pattern.compile("\\b\\d{1,2}:\\d{2}\\b|\\b(?:[01]?\\d|2[0-3])[0-5]\\d\\s*(?:hrs|hours|h)\\b", CI),
			Pattern.compile("\\b(?:midnight|midday|noon|(?:half|quarter)\\s+(?:past|to)\\s+" + NUMBER_WORD + "|"
					+ NUMBER_WORD + "\\s+o['’]?clock)\\b", CI),
			Pattern.compile("\\b(?:(?:last|this|next|on|every|one|that|the\\s+other)\\s+)?" + DAY
					+ "(?:\\s+(?:morning|afternoon|evening|night|lunchtime|teatime))?\\b", CI),
			Pattern.compile("\\b(?:yesterday|today|tonight|last\\s+night|this\\s+(?:morning|afternoon|evening)"
					+ "|the\\s+other\\s+(?:night|day)|(?:\\d|two|three|four|five|six)\\s+(?:days|nights)\\s+ago"
					+ "|(?:christmas|boxing|new\\s+year['’]?s?)\\s+(?:day|eve))\\b", CI));

	private static final String SHIFT_WORD = "(?:nights?|lates?|earl(?:y|ies)|days|twilights?|weekends?|long\\s+days?|waking\\s+nights?|sleep-?ins?)";

	private static final List<Pattern> ROLES = List.of(
			Pattern.compile("\\bon\\s+(?:the\\s+)?(?:" + SHIFT_WORD
					+ "|(?:night|day|late|early|twilight|weekend|long\\s+day)\\s+shifts?)\\b", CI),
			Pattern.compile(
					"\\b(?:night|day|late|early|twilight|weekend|morning|afternoon|evening|long[- ]day|waking[- ]night|sleep-?in|double)\\s+shifts?\\b",
					CI),
			Pattern.compile("\\b(?:nights|lates|earlies|handover|waking\\s+nights?|sleep-?ins?|twilights?)\\b", CI),
			Pattern.compile("\\b(?:(?:night|day|late|early|weekend|waking|agency|bank|senior|junior|new|trainee|student"
					+ "|lead|head|deputy|assistant|registered|duty|activities|kitchen|care|home|unit|night-time)\\s+){0,3}"
					+ "(?:carers?|care\\s+(?:workers?|assistants?)|support\\s+workers?|healthcare\\s+assistants?"
					+ "|team\\s+leaders?|shift\\s+leaders?|seniors?|nurses?|matrons?|managers?|manageress|deputy"
					+ "|cooks?|chefs?|housekeepers?|domestics?|cleaners?|handym[ae]n|maintenance\\s+(?:man|men|staff|workers?)"
					+ "|receptionists?|administrators?|co-?ordinators?|drivers?|laundry\\s+(?:staff|assistants?|workers?)"
					+ "|apprentices?|agency\\s+(?:staff|workers?)|bank\\s+staff|clinical\\s+leads?|physios?|porters?"
					+ "|supervisors?|owner|proprietor|in\\s+charge)\\b", CI),
			Pattern.compile("\\b(?:HCAs?|RGNs?|RMNs?|SCWs?|NICs?)\\b"));

	private static final String UNIT = "(?:[Ww]ing|[Uu]nit|[Ff]loor|[Ss]uite|[Ww]ard|[Ll]odge|[Cc]orridor|[Aa]nnexe|[Bb]lock|[Hh]ouse|[Cc]ottage|[Bb]ungalow|[Ll]ounge|[Cc]ourt)";

	private static final List<Pattern> PLACES = List.of(
			Pattern.compile("\\b[A-Z][\\p{L}'’-]{1,30}(?:\\s+[A-Z][\\p{L}'’-]{1,30})?\\s+" + UNIT + "\\b"),
			Pattern.compile(
					"\\b(?:room|rm|flat|bed|bay|bedroom|apartment|suite|unit|bungalow|cottage)\\s*(?:no\\.?\\s*|number\\s*)?\\d{1,4}[a-z]?\\b",
					CI),
			Pattern.compile(
					"\\b(?:ground|first|second|third|fourth|top|upper|lower|middle|bottom|1st|2nd|3rd|4th)[- ]floor\\b",
					CI),
			Pattern.compile("\\b(?:north|south|east|west|dementia|nursing|residential|respite|memory|old|new|main|back"
					+ "|front|rear|garden|upper|lower|far)\\s+(?:wing|unit|floor|corridor|lounge|building|annexe|block|end)\\b",
					CI),
			Pattern.compile("\\b(?:upstairs|downstairs)\\b", CI));

	private static final Pattern TITLED_NAME = Pattern
		.compile("\\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Nurse|Sister|Matron|Auntie|Uncle|Nan|Gran)\\.?\\s+[A-Z][\\p{L}'’-]{1,30}");

	private static final Pattern INITIAL_AND_SURNAME = Pattern.compile("\\b[A-Z]\\.\\s?[A-Z][a-z][\\p{L}'’-]{0,30}");

	private static final Pattern DOTTED_INITIALS = Pattern
		.compile("\\b[A-Z]\\.\\s?[A-Z]\\.?(?:\\s?[A-Z]\\.?)?(?![\\p{L}])");

	private static final Pattern CAPITAL_INITIALS = Pattern.compile("\\b[A-Z]{2,3}\\b");

	/** Capital letters that are not someone's initials. */
	private static final Set<String> ACRONYMS = Set.of("CQC", "NHS", "GP", "GPS", "UK", "OK", "TV", "PM", "AM", "HR",
			"ID", "DBS", "MAR", "PPE", "CCTV", "DOLS", "LPS", "ICB", "LA", "CHC", "AE", "ITU", "ICU", "ED", "UTI",
			"DNR", "PRN", "BP", "ECG", "IV", "NG", "PEG", "TIA", "CPR", "OOH", "QA", "ASC", "CEO", "MP", "IT", "BBC",
			"COPD", "MRSA", "GDPR", "SOS", "PPMF", "OT", "SW", "SALT", "NEWS", "ADASS", "RIDDOR", "AND", "THE", "NOT",
			"ALL", "YOU", "WE", "SEN", "EOL", "CV");

	private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’-]*");

	/** Words that are written with a capital letter without being anyone's name. */
	private static final Set<String> COMMON_CAPITALISED = Set.of("I", "I'm", "I've", "I'd", "I'll", "Monday", "Tuesday",
			"Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May",
			"June", "July", "August", "September", "October", "November", "December", "Christmas", "Easter", "Council",
			"CareCycle", "England", "English", "Wales", "Welsh", "Britain", "British", "Cornwall", "Covid", "Care",
			"Quality", "Commission", "Please", "We", "You", "They", "The", "A", "An", "It", "Our", "Your", "Their",
			"This", "That", "Ofsted", "Bank", "Holiday", "Safeguarding", "Deprivation", "Liberty", "Safeguards",
			"Mental", "Capacity", "Act");

	private static final Set<String> FIRST_NAMES = firstNames();

	private IdentifyingDetails() {
	}

	/** Every detail found, in the order of the text, none overlapping another. */
	public static List<Finding> find(String text, Context context) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		List<Finding> found = new ArrayList<>();
		Set<String> serviceWords = words(context.serviceName());
		contacts(text, found);
		for (String word : reporterWords(context)) {
			add(found, Pattern.compile("(?<![\\p{L}])" + Pattern.quote(word) + "(?![\\p{L}])", CI), text,
					Kind.REPORTER);
		}
		for (Pattern place : PLACES) {
			Matcher m = place.matcher(text);
			while (m.find()) {
				if (!serviceWords.containsAll(words(m.group()))) {
					found.add(new Finding(m.start(), m.end(), Kind.PLACE, m.group()));
				}
			}
		}
		DATES.forEach(p -> add(found, p, text, Kind.DATE_OR_TIME));
		ROLES.forEach(p -> add(found, p, text, Kind.ROLE_OR_SHIFT));
		add(found, DOTTED_INITIALS, text, Kind.INITIALS);
		Matcher caps = CAPITAL_INITIALS.matcher(text);
		while (caps.find()) {
			if (!ACRONYMS.contains(caps.group())) {
				found.add(new Finding(caps.start(), caps.end(), Kind.INITIALS, caps.group()));
			}
		}
		add(found, TITLED_NAME, text, Kind.NAME);
		add(found, INITIAL_AND_SURNAME, text, Kind.NAME);
		for (String word : affectedWords(context.peopleAffected())) {
			add(found, Pattern.compile("(?<![\\p{L}])" + Pattern.quote(word) + "(?![\\p{L}])", CI), text, Kind.NAME);
		}
		names(text, serviceWords, found);
		return withoutOverlaps(found);
	}

	/** The text cut into pieces, the details found marked. */
	public static List<Segment> segments(String text, List<Finding> findings) {
		List<Segment> segments = new ArrayList<>();
		int at = 0;
		for (Finding finding : findings) {
			if (finding.start() > at) {
				segments.add(new Segment(text.substring(at, finding.start()), null));
			}
			segments.add(new Segment(finding.text(), finding.kind()));
			at = finding.end();
		}
		if (at < text.length()) {
			segments.add(new Segment(text.substring(at), null));
		}
		return segments;
	}

	private static void contacts(String text, List<Finding> found) {
		add(found, EMAIL, text, Kind.CONTACT);
		Matcher m = OBFUSCATED_EMAIL.matcher(text);
		int from = 0;
		while (from < text.length() && m.find(from)) {
			String match = m.group().toLowerCase(Locale.ROOT);
			String afterAt = match.replaceFirst("(?s)^.*?(?:[\\[(]\\s*at\\s*[\\])]|\\s+at\\s+|@)\\s*", "");
			String domain = afterAt.split("[^\\p{L}\\d-]", 2)[0];
			boolean looksLikeAddress = match.matches("(?s).*(?:\\sdot\\s|[\\[(]\\s*(?:dot|at)\\s*[\\])]|@).*")
					|| MAIL_PROVIDERS.contains(domain) || afterAt.matches("[\\p{L}\\d-]+\\.[\\p{L}\\d.-]+");
			if (looksLikeAddress) {
				found.add(new Finding(m.start(), m.end(), Kind.CONTACT, m.group()));
				from = m.end();
			}
			else {
				from = m.start() + 1;
			}
		}
		add(found, PHONE, text, Kind.CONTACT);
		add(found, SPELLED_NUMBER, text, Kind.CONTACT);
		add(found, HANDLE, text, Kind.CONTACT);
	}

	/**
	 * Capitalised words that are not at the start of a sentence and are not common
	 * capitalised words, and known first names wherever they are.
	 */
	private static void names(String text, Set<String> serviceWords, List<Finding> found) {
		Matcher m = WORD.matcher(text);
		while (m.find()) {
			String word = m.group();
			if (!Character.isUpperCase(word.charAt(0)) || word.length() < 2 || COMMON_CAPITALISED.contains(word)
					|| serviceWords.contains(word.toLowerCase(Locale.ROOT))) {
				continue;
			}
			boolean allCapitals = word.equals(word.toUpperCase(Locale.ROOT));
			if (allCapitals && word.length() > 3) {
				continue;
			}
			String bare = word.replaceAll("['’]s$", "");
			if (FIRST_NAMES.contains(bare) || (!sentenceStart(text, m.start()) && !allCapitals)) {
				found.add(new Finding(m.start(), m.start() + bare.length(), Kind.NAME, bare));
			}
		}
	}

	private static boolean sentenceStart(String text, int at) {
		int i = at - 1;
		while (i >= 0 && " \t\"'‘“([-–—*•".indexOf(text.charAt(i)) >= 0) {
			i--;
		}
		if (i < 0 || text.charAt(i) == '\n' || text.charAt(i) == '\r' || text.charAt(i) == '!' || text.charAt(i) == '?'
				|| text.charAt(i) == ':') {
			return true;
		}
		if (text.charAt(i) != '.') {
			return false;
		}
		// "J. Smith" and "Mr. Smith": the full stop ends an initial or a title, not a
		// sentence.
		int wordStart = i;
		while (wordStart > 0 && Character.isLetter(text.charAt(wordStart - 1))) {
			wordStart--;
		}
		String before = text.substring(wordStart, i);
		return !(before.length() == 1 && Character.isUpperCase(before.charAt(0)))
				&& !before.matches("Mr|Mrs|Ms|Dr|Mx|St");
	}

	private static Set<String> reporterWords(Context context) {
		Set<String> words = new LinkedHashSet<>();
		if (context.reporterName() != null) {
			for (String part : context.reporterName().split("[^\\p{L}'’-]+")) {
				if (part.length() >= 2) {
					words.add(part);
				}
			}
		}
		if (context.reporterEmail() != null) {
			String local = context.reporterEmail().split("@", 2)[0];
			for (String part : local.split("[^\\p{L}]+")) {
				if (part.length() >= 3 && !Set.of("info", "mail", "admin", "the", "office", "contact").contains(part)) {
					words.add(part);
				}
			}
		}
		return words;
	}

	private static Set<String> affectedWords(String peopleAffected) {
		Set<String> words = new LinkedHashSet<>();
		if (peopleAffected != null) {
			Matcher m = WORD.matcher(peopleAffected);
			while (m.find()) {
				String word = m.group();
				if (word.length() >= 2 && Character.isUpperCase(word.charAt(0)) && !COMMON_CAPITALISED.contains(word)
						&& !sentenceStart(peopleAffected, m.start()) || FIRST_NAMES.contains(word)) {
					words.add(word);
				}
			}
		}
		return words;
	}

	private static Set<String> words(String text) {
		Set<String> words = new LinkedHashSet<>();
		if (text != null) {
			Matcher m = WORD.matcher(text);
			while (m.find()) {
				words.add(m.group().toLowerCase(Locale.ROOT));
			}
		}
		return words;
	}

	private static void add(List<Finding> found, Pattern pattern, String text, Kind kind) {
		Matcher m = pattern.matcher(text);
		while (m.find()) {
			if (m.end() > m.start()) {
				found.add(new Finding(m.start(), m.end(), kind, m.group()));
			}
		}
	}

	private static List<Finding> withoutOverlaps(List<Finding> found) {
		List<Finding> sorted = new ArrayList<>(found);
		sorted.sort(Comparator.comparingInt(Finding::start)
			.thenComparing(Comparator.comparingInt((Finding f) -> f.end() - f.start()).reversed())
			.thenComparing(Finding::kind));
		List<Finding> kept = new ArrayList<>();
		int end = 0;
		for (Finding finding : sorted) {
			if (finding.start() >= end) {
				kept.add(finding);
				end = finding.end();
			}
		}
		return kept;
	}

	private static Set<String> firstNames() {
		Set<String> names = new LinkedHashSet<>();
		try (InputStream in = IdentifyingDetails.class.getClassLoader()
			.getResourceAsStream("concerns/first-names.txt")) {
			if (in == null) {
				throw new IllegalStateException("concerns/first-names.txt is missing");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank() && !line.startsWith("#")) {
					names.add(line.strip());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Set.copyOf(names);
	}

}
