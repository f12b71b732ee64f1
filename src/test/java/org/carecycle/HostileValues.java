package org.carecycle;

import java.util.List;

/**
 * Values an attacker or a careless paste might put in any field: markup and script, SQL
 * and expression-language fragments, very long strings, control and zero-width
 * characters, broken surrogates, path traversal, numbers that do not fit.
 */
public final class HostileValues {

	/** The script that must never come back as markup. */
	public static final String SCRIPT = "<script>alert(1)</script>";

	public static final List<String> ALL = List.of(SCRIPT, "\"><img src=x onerror=alert(1)>", "<svg/onload=alert(1)>",
			"javascript:alert(1)", "'; drop table concern; --", "' or '1'='1", "Robert'); delete from concern; --",
			"${7*7}", "#{7*7}", "*{T(java.lang.Runtime).getRuntime().exit(1)}",
			"__${T(java.lang.Runtime).getRuntime()}__::.x", "{{7*7}}", "../../../etc/passwd",
			"..\\..\\windows\\win.ini", "\u0000", "a\u0000b", "\u202Egnp.exe", "\u200B\u200C\u200D\uFEFF", "\uD800",
			"\uDFFF\uD800", "%00%0d%0a", "\r\nSet-Cookie: x=y", "😀👍🏽", "ﷺ", "x".repeat(10_001), "y".repeat(100_001),
			"   ", "", "-1", "99999999999", "1e309", "NaN", "00000000-0000-0000-0000-000000000000", "PPMF-2026-%",
			"PPMF-2026-_", "%", "_", "\\", "<!--", "]]>", "&lt;script&gt;", "\t\t", "null", "true");

	private HostileValues() {
	}

}
