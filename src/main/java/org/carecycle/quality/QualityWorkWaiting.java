package org.carecycle.quality;

import java.util.List;

import org.carecycle.identity.CurrentUser;
import org.carecycle.quality.QualityViews.View;
import org.carecycle.shared.Role;
import org.carecycle.web.WorkItem;
import org.carecycle.web.WorkItem.Urgency;
import org.carecycle.web.WorkWaiting;

import org.springframework.stereotype.Component;

/**
 * The quality reviews waiting on the home page: for officers the services overdue for a
 * review, the action plans overdue and the decisions waiting; for a provider its own
 * draft reports waiting for comments and its action plans due.
 */
@Component
class QualityWorkWaiting implements WorkWaiting {

	private final QualityViews views;

	private final QualityHomePanel panel;

	private final CurrentUser currentUser;

	QualityWorkWaiting(QualityViews views, QualityHomePanel panel, CurrentUser currentUser) {
		this.views = views;
		this.panel = panel;
		this.currentUser = currentUser;
	}

	@Override
	public List<WorkItem> waitingFor(Role role) {
		return switch (role) {
			case QA_OFFICER -> {
				QualityViews.Waiting waiting = this.views.waiting(null);
				yield List.of(
						new WorkItem(Urgency.OVERDUE, this.panel.coverage().overdue(), "reviews.todo.servicesOverdue",
								"/quality"),
						new WorkItem(Urgency.OVERDUE, waiting.actionPlansOverdue(), "reviews.todo.actionPlansOverdue",
								reviews(View.ACTION_PLANS_OVERDUE)),
						new WorkItem(Urgency.DUE_SOON, waiting.needingDecision(), "reviews.todo.needingDecision",
								reviews(View.NEEDS_DECISION)));
			}
			case COMMISSIONER -> List.of(new WorkItem(Urgency.DUE_SOON, this.views.waiting(null).needingDecision(),
					"reviews.todo.needingDecision", reviews(View.NEEDS_DECISION)));
			case PROVIDER -> this.currentUser.scope().provider().map(provider -> {
				QualityViews.Waiting waiting = this.views.waiting(provider.value());
				String link = "/my-organisation/reviews";
				return List.of(
						new WorkItem(Urgency.OVERDUE, waiting.providerCommentsOverdue(),
								"reviews.todo.provider.commentsOverdue", link),
						new WorkItem(Urgency.DUE_SOON, waiting.providerComments(), "reviews.todo.provider.comments",
								link),
						new WorkItem(Urgency.OVERDUE, waiting.providerActionPlansOverdue(),
								"reviews.todo.provider.actionPlansOverdue", link),
						new WorkItem(Urgency.DUE_SOON, waiting.providerActionPlans(),
								"reviews.todo.provider.actionPlans", link));
			}).orElse(List.of());
			default -> List.of();
		};
	}

	private static String reviews(View view) {
		return "/quality/reviews?view=" + view.name();
	}

}
