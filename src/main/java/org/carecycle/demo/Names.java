package org.carecycle.demo;

import java.util.List;
import java.util.Random;

/**
 * Word lists for plausible, fictional names: Cornish place-name parts, surnames, streets.
 * Any likeness to a real care provider is chance.
 */
final class Names {

	private Names() {
	}

	static final List<String> CORNISH_PREFIXES = List.of("Tre", "Pen", "Pol", "Ros", "Lan", "Car", "Bos", "Chy", "Tol",
			"Nan", "Hel", "Port");

	static final List<String> CORNISH_SUFFIXES = List.of("lawney", "vean", "gwyn", "dreath", "hallow", "morvah",
			"wartha", "vose", "tallan", "warne", "ance", "kerris", "wenna", "dinney", "garrow", "zance", "ruan",
			"lowen", "havas", "mellin", "trevan", "carne", "wheal", "goon");

	static final List<String> SAINTS = List.of("Piran", "Petroc", "Austell", "Ia", "Columb", "Mawes", "Kew", "Ewe",
			"Germans", "Endellion", "Keverne", "Buryan", "Erth", "Levan", "Mabyn", "Clement", "Breward", "Minver");

	static final List<String> TREES = List.of("Beeches", "Elms", "Laurels", "Willows", "Hollies", "Firs", "Oaks",
			"Limes", "Pines", "Cedars", "Myrtles", "Hawthorns");

	static final List<String> HOME_WORDS = List.of("House", "Lodge", "Manor", "Court", "Grange", "Hall", "View", "Park",
			"Gardens", "Place");

	static final List<String> SURNAMES = List.of("Pascoe", "Trevithick", "Nancarrow", "Penrose", "Hocking", "Rowe",
			"Williams", "Thomas", "Richards", "Jenkin", "Trethewey", "Polglase", "Curnow", "Angove", "Berryman",
			"Chenoweth", "Kitto", "Olver", "Retallack", "Tregear", "Bolitho", "Carlyon", "Hicks", "Roberts", "Mitchell",
			"Harvey", "Bennetts", "Pearce", "Trengove", "Jago", "Martin", "Stevens", "Uren", "Vivian", "Wearne",
			"Ellis", "Moyle", "Treloar", "Sara", "Couch");

	static final List<String> FIRST_NAMES = List.of("Morwenna", "Jenna", "Tamsin", "Kerenza", "Demelza", "Lowenna",
			"Sarah", "Emma", "Claire", "Helen", "Rachel", "Nicola", "Joanne", "Karen", "Michelle", "Louise", "Tom",
			"Jack", "Piran", "Jago", "Mark", "Paul", "David", "Andrew", "Richard", "Steven", "James", "Daniel", "Amir",
			"Priya", "Aisha", "Tomasz", "Agnieszka", "Oluwaseun", "Grace", "Chidi", "Mei", "Ravi");

	static final List<String> QUALITIES = List.of("Caring", "Kind", "Bright", "Golden", "Harbour", "Coastal",
			"Moorland", "Tamar", "Atlantic", "Peninsula", "Kernow", "Cornish", "Westcountry", "Riverside", "Seaview",
			"Clifftop", "Heartland", "Granite");

	static final List<String> STREETS = List.of("Fore Street", "Chapel Street", "Church Road", "Trelawney Road",
			"Station Road", "Penwinnick Road", "Tregolls Road", "Mount Pleasant", "Higher Lane", "Lower Road",
			"Harbour View", "Trevithick Road", "Killigrew Street", "Lemon Street", "Cross Street", "Meadow Close",
			"Boscawen Road", "Treloggan Road", "Pydar Street", "Polwhele Road", "Quay Street", "Trenance Lane",
			"Gwel an Mor", "Parc Eglos", "Bosvean Gardens", "Clifden Road", "Tregarthen Road", "Atlantic Road",
			"Carn Brea Lane", "Tolvaddon Road");

	static <T> T pick(Random random, List<T> list) {
		return list.get(random.nextInt(list.size()));
	}

	static String cornishPlace(Random random) {
		return pick(random, CORNISH_PREFIXES) + pick(random, CORNISH_SUFFIXES);
	}

	static String person(Random random) {
		return pick(random, FIRST_NAMES) + " " + pick(random, SURNAMES);
	}

}
