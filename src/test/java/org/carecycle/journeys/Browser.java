package org.carecycle.journeys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's Chromium driven by Playwright, with an accessibility scan (axe, WCAG 2.2 A and
 * AA) and a record of every console error, failed request and error response on each
 * page.
 */
final class Browser implements AutoCloseable {

	static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

	private final Playwright playwright;

	private final com.microsoft.playwright.Browser chromium;

	private final String base;

	/**
	 * Uses the system's Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH, or
	 * -Dchromium.path) when there is one, as CI does; otherwise lets Playwright fetch its
	 * own Chromium once, so that the tests also run on a developer's machine that has
	 * none.
	 */
	Browser(int port) {
		this.base = "http://localhost:" + port;
		Path system = Path.of(System.getProperty("chromium.path",
				System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium")));
		boolean useSystem = Files.isExecutable(system);
		this.playwright = Playwright.create(new Playwright.CreateOptions()
			.setEnv(useSystem ? Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1") : Map.of()));
		BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true)
			.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"));
		if (useSystem) {
			options.setExecutablePath(system);
		}
		this.chromium = this.playwright.chromium().launch(options);
	}

	Tab open(boolean javaScript) {
		BrowserContext context = this.chromium.newContext(
				new NewContextOptions().setJavaScriptEnabled(javaScript).setViewportSize(1280, 900).setLocale("en-GB"));
		return new Tab(context, context.newPage(), this.base);
	}

	@Override
	public void close() {
		this.chromium.close();
		this.playwright.close();
	}

	/**
	 * A page in its own browser context (its own cookies), recording problems as it goes.
	 */
	static final class Tab implements AutoCloseable {

		final BrowserContext context;

		final Page page;

		private final String base;

		private final List<String> problems = new ArrayList<>();

		private final List<Integer> allowedStatuses = new ArrayList<>();

		/** Failed requests, less those that the browser aborted to save a download. */
		private final Map<String, String> failedRequests = new java.util.LinkedHashMap<>();

		private final java.util.Set<String> downloads = new java.util.HashSet<>();

		Tab(BrowserContext context, Page page, String base) {
			this.context = context;
			this.page = page;
			this.base = base;
			page.onConsoleMessage(message -> {
				if (message.type().equals("error") || message.type().equals("warning")) {
					String text = message.text();
					boolean expected = text.contains("status of 403") || text.contains("status of 404");
					if (!expected) {
						this.problems.add("console " + message.type() + ": " + text + " on " + page.url());
					}
				}
			});
			page.onPageError(error -> this.problems.add("page error: " + error + " on " + page.url()));
			page.onDownload(download -> this.downloads.add(download.url()));
			page.onRequestFailed(request -> {
				if (!request.url().contains("/sign-out")) {
					this.failedRequests.put(request.url(), request.failure());
				}
			});
			page.onResponse(response -> {
				if (response.status() >= 400 && !this.allowedStatuses.contains(response.status())) {
					this.problems.add("HTTP " + response.status() + " for " + response.url());
				}
			});
		}

		Tab allowing(int status) {
			this.allowedStatuses.add(status);
			return this;
		}

		void go(String path) {
			this.page.navigate(this.base + path);
		}

		/**
		 * After the password: for a role that needs one, enters the code from the
		 * authenticator app on the second step's page (checking its accessibility first
		 * if asked).
		 */
		void secondStep(org.carecycle.shared.Role role, boolean checkAccessibility) {
			this.page.waitForURL(url -> url.endsWith("/") || url.endsWith("/sign-in/code"));
			if (this.page.url().endsWith("/sign-in/code")) {
				if (checkAccessibility) {
					checkAccessibility();
				}
				this.page.fill("#code", org.carecycle.SecondStep.freshCode(org.carecycle.SignIn.DEMO_EMAILS.get(role)));
				this.page.click("#continue");
			}
		}

		/** Signs in with the demo sign-in of a role and waits for the home page. */
		void signIn(org.carecycle.shared.Role role) {
			go("/sign-in");
			this.page.fill("#email", org.carecycle.SignIn.DEMO_EMAILS.get(role));
			this.page.fill("#password", org.carecycle.SignIn.DEMO_PASSWORD);
			this.page.click("#sign-in");
			secondStep(role, false);
			com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(this.page.locator("h1"))
				.containsText("Welcome");
		}

		/**
		 * Follows a link of the service navigation and waits for it to be the current
		 * section.
		 */
		void navigate(String section) {
			this.page.locator("#navigation")
				.getByText(section, new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true))
				.click();
			com.microsoft.playwright.assertions.PlaywrightAssertions
				.assertThat(this.page.locator("#navigation .govuk-service-navigation__item--active"))
				.containsText(section);
		}

		/** Scans the current page and fails on any WCAG 2.2 A or AA violation. */
		void checkAccessibility() {
			AxeResults results = new AxeBuilder(this.page).withTags(WCAG).analyze();
			List<Rule> violations = results.getViolations();
			assertThat(violations)
				.as(() -> "accessibility on " + this.page.url() + ": "
						+ violations.stream()
							.map(rule -> rule.getId() + " (" + rule.getHelp() + ") at "
									+ rule.getNodes()
										.stream()
										.map(node -> String.valueOf(node.getTarget()))
										.collect(Collectors.joining(", ")))
							.collect(Collectors.joining("; ")))
				.isEmpty();
		}

		void screenshot(String name) {
			try {
				Files.createDirectories(Path.of("target/screenshots"));
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			this.page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/" + name + ".png"))
				.setFullPage(true));
		}

		List<String> problems() {
			List<String> all = new ArrayList<>(this.problems);
			this.failedRequests.forEach((url, failure) -> {
				if (!(this.downloads.contains(url) && "net::ERR_ABORTED".equals(failure))) {
					all.add("failed request: " + url + " " + failure);
				}
			});
			return all;
		}

		@Override
		public void close() {
			this.context.close();
		}

	}

}
