package org.carecycle.quality;

import java.util.LinkedHashMap;
import java.util.Map;

import org.carecycle.identity.CurrentUser;
import org.carecycle.shared.Role;
import org.carecycle.web.HomePanel;

import org.springframework.stereotype.Component;

/**
 * The reviews panel on the home page of the officers who carry them out: the promise's
 * figure and their own reviews waiting on them. The promise's figure reads every
 * commissioned service, so the panel keeps it for five minutes rather than working it out
 * on every home page; the coverage page itself is always current.
 */
@Component
class QualityHomePanel implements HomePanel {

	private final QualityViews views;

	private final ReviewProgramme programme;

	private final CurrentUser currentUser;

	private final java.time.Clock clock;

	private volatile ReviewProgramme.CoverageLine coverage;

	private volatile java.time.Instant coverageUntil = java.time.Instant.MIN;

	QualityHomePanel(QualityViews views, ReviewProgramme programme, CurrentUser currentUser, java.time.Clock clock) {
		this.clock = clock;
		this.views = views;
		this.programme = programme;
		this.currentUser = currentUser;
	}

	@Override
	public int order() {
		return 150;
	}

	@Override
	public boolean isShownTo(Role role) {
		return Reviews.OFFICERS.contains(role);
	}

	@Override
	public String fragment() {
		return "quality/home-panel :: panel";
	}

	@Override
	public Map<String, Object> model() {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("counts", this.views.counts(this.currentUser.require().id()));
		model.put("coverage", coverage());
		return model;
	}

	/** The promise's figure, kept for five minutes. */
	ReviewProgramme.CoverageLine coverage() {
		java.time.Instant now = this.clock.instant();
		if (this.coverage == null || now.isAfter(this.coverageUntil)) {
			this.coverage = this.programme.coverage().total();
			this.coverageUntil = now.plus(java.time.Duration.ofMinutes(5));
		}
		return this.coverage;
	}

}
