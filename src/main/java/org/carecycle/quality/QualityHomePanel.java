package org.carecycle.quality;

import java.util.LinkedHashMap;
import java.util.Map;

import org.carecycle.identity.CurrentUser;
import org.carecycle.shared.Role;
import org.carecycle.web.HomePanel;

import org.springframework.stereotype.Component;

/**
 * The reviews panel on the home page of the officers who carry them out: the promise's
 * figure and their own reviews waiting on them.
 */
@Component
class QualityHomePanel implements HomePanel {

	private final QualityViews views;

	private final ReviewProgramme programme;

	private final CurrentUser currentUser;

	QualityHomePanel(QualityViews views, ReviewProgramme programme, CurrentUser currentUser) {
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
		model.put("coverage", this.programme.coverage().total());
		return model;
	}

}
