package org.carecycle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.core.ApplicationModule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each module owns its tables, and another module reads them only through the views the
 * owner publishes as its read side (ADR 0021). The owner of every table and view is the
 * start of its comment in the database ("[providers]", "[providers, published]"), written
 * by the migration that creates it; this test reads those comments from the migrated
 * schema, then the SQL in every module's Java code, and fails on SQL that names another
 * module's table, a view its owner has not published, or a module it is not allowed to
 * depend on. {@link ModularityTests} does the same for Java types.
 */
@ApplicationTest
class SqlOwnershipTests {

	/** The owner, and whether published, at the start of a table's or view's comment. */
	private static final Pattern OWNER = Pattern.compile("^\\[([a-z]+)(, published)?\\] .+", Pattern.DOTALL);

	/** Where SQL names a table or view it reads or writes. */
	private static final Pattern RELATION = Pattern
		.compile("\\b(from|join|into|update|table|copy|truncate)\\s+([a-z_][a-z0-9_]*)\\b", Pattern.CASE_INSENSITIVE);

	/** Where SQL changes a table: only the owner may, except the demo loader (below). */
	private static final Set<String> WRITES = Set.of("into", "update", "copy", "truncate");

	/**
	 * The demo county is loaded into an empty database once, as a migration would be, by
	 * bulk inserts into every module's tables; what it reads still goes through the read
	 * sides.
	 */
	private static final String BULK_LOADER = "demo";

	@Autowired
	JdbcClient jdbc;

	record Relation(String name, String kind, String owner, boolean published) {
	}

	@Test
	void everyTableAndViewSaysWhichModuleOwnsIt() {
		Set<String> modules = ModularityTests.modules.stream()
			.map((module) -> module.getIdentifier().toString())
			.collect(Collectors.toSet());
		List<String> unowned = new ArrayList<>();
		for (Described each : described()) {
			Matcher owner = OWNER.matcher(each.comment());
			if (!owner.matches() || !modules.contains(owner.group(1))) {
				unowned.add(each.name() + " (comment: " + each.comment() + ")");
			}
		}
		assertThat(unowned).as("tables and views whose comment does not start with [module] or [module, published]")
			.isEmpty();
	}

	@Test
	void onlyViewsArePublished() {
		List<String> wrong = relations().values()
			.stream()
			.filter((relation) -> relation.published() && !relation.kind().equals("v"))
			.map(Relation::name)
			.toList();
		assertThat(wrong).as("a module publishes views over its tables, never the tables themselves").isEmpty();
	}

	@Test
	void sqlInAModuleNamesOnlyItsOwnTablesAndThePublishedViewsOfModulesItMayDependOn() throws IOException {
		Map<String, Relation> relations = relations();
		List<String> violations = new ArrayList<>();
		for (ApplicationModule module : ModularityTests.modules) {
			String name = module.getIdentifier().toString();
			Set<String> allowed = module.getAllowedDependencies(ModularityTests.modules)
				.stream()
				.map((dependency) -> dependency.getTargetModule().getIdentifier().toString())
				.collect(Collectors.toSet());
			for (Path file : sources(name)) {
				Matcher use = RELATION.matcher(sql(Files.readString(file)));
				while (use.find()) {
					Relation relation = relations.get(use.group(2).toLowerCase());
					if (relation == null || relation.owner().equals(name)) {
						continue;
					}
					boolean write = WRITES.contains(use.group(1).toLowerCase());
					String where = Path.of("src/main/java").relativize(file) + ": " + use.group().strip();
					if (write && !name.equals(BULK_LOADER)) {
						violations.add(where + " changes a table of " + relation.owner());
					}
					else if (!write && !relation.published()) {
						violations.add(where + " reads " + relation.owner() + "'s " + relation.name()
								+ ", which is not a published view");
					}
					else if (!write && !allowed.contains(relation.owner())) {
						violations.add(where + " reads from " + relation.owner() + ", which is not among " + name
								+ "'s allowedDependencies");
					}
				}
			}
		}
		assertThat(violations).isEmpty();
	}

	/**
	 * A check that cannot fail is no check: SQL reading another module's table, as the
	 * register's search once read the localities, is found.
	 */
	@Test
	void findsSqlThatReadsAnotherModulesTable() {
		String java = """
				class Example {
				    // from locality in a comment is not SQL
				    String sql = \"""
				            select s.name, l.name from care_service s
				            left join locality l on l.id = s.locality_id\""";
				    String other = "select 1 from" + " provider";
				}
				""";
		List<String> named = new ArrayList<>();
		Matcher use = RELATION.matcher(sql(java));
		while (use.find()) {
			named.add(use.group(2));
		}
		assertThat(named).containsExactly("care_service", "locality", "provider");
		assertThat(relations().get("locality").published()).isFalse();
		assertThat(relations().get("locality").owner()).isEqualTo("geography");
	}

	/** A table or view of the schema, and its comment. */
	record Described(String name, String kind, String comment) {
	}

	private List<Described> described() {
		return this.jdbc.sql("""
				select c.relname, c.relkind, coalesce(obj_description(c.oid, 'pg_class'), '') from pg_class c
				join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = current_schema() and c.relkind in ('r', 'p', 'v', 'm')
				and c.relname <> 'flyway_schema_history' order by c.relname""")
			.query((rs, n) -> new Described(rs.getString(1), rs.getString(2).equals("m") ? "v" : rs.getString(2),
					rs.getString(3)))
			.list();
	}

	/** The tables and views whose comment names their owner. */
	private Map<String, Relation> relations() {
		Map<String, Relation> relations = new LinkedHashMap<>();
		for (Described each : described()) {
			Matcher owner = OWNER.matcher(each.comment());
			if (owner.matches()) {
				relations.put(each.name(),
						new Relation(each.name(), each.kind(), owner.group(1), owner.group(2) != null));
			}
		}
		return relations;
	}

	private static List<Path> sources(String module) throws IOException {
		Path root = Path.of("src/main/java/org/carecycle", module);
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter((file) -> file.toString().endsWith(".java")).sorted().toList();
		}
	}

	/**
	 * The string literals and text blocks of a Java source, one to a line, with comments
	 * left out: where its SQL is.
	 */
	static String sql(String java) {
		StringBuilder strings = new StringBuilder();
		int i = 0;
		int length = java.length();
		while (i < length) {
			char c = java.charAt(i);
			if (java.startsWith("//", i)) {
				i = lineEnd(java, i);
			}
			else if (java.startsWith("/*", i)) {
				int end = java.indexOf("*/", i + 2);
				i = (end < 0) ? length : end + 2;
			}
			else if (java.startsWith("\"\"\"", i)) {
				int end = java.indexOf("\"\"\"", i + 3);
				end = (end < 0) ? length : end;
				strings.append(java, i + 3, end).append('\n');
				i = end + 3;
			}
			else if (c == '"') {
				int j = i + 1;
				while (j < length && java.charAt(j) != '"' && java.charAt(j) != '\n') {
					j += (java.charAt(j) == '\\') ? 2 : 1;
				}
				strings.append(java, i + 1, Math.min(j, length)).append(' ');
				i = j + 1;
			}
			else if (c == '\'') {
				int j = i + 1;
				while (j < length && java.charAt(j) != '\'' && java.charAt(j) != '\n') {
					j += (java.charAt(j) == '\\') ? 2 : 1;
				}
				i = j + 1;
			}
			else {
				i++;
			}
		}
		return strings.toString();
	}

	private static int lineEnd(String text, int from) {
		int end = text.indexOf('\n', from);
		return (end < 0) ? text.length() : end;
	}

}
