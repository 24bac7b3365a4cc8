package io.qualityhub.reports.aggregate;

/**
 * One business record reduced to the non-sensitive fields the indicators need. Facts carry no
 * customer data and no free text, so nothing sensitive can reach an aggregate or a report.
 */
public sealed interface Fact permits SaleFact, UnderwritingFact, FollowupFact, ClaimFact, ComplaintFact,
        SurveyFact, ViolationFact, InspectionFact, CorrectiveActionFact, OpenItemsSnapshot, PortfolioFact,
        InspectionTaskFact, UploadPunctualityFact {
}
