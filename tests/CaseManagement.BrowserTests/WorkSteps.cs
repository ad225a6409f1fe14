using CaseManagement.Domain.Assessments;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static CaseManagement.BrowserTests.FormSteps;
using static Microsoft.Playwright.Assertions;

namespace CaseManagement.BrowserTests;

/// <summary>
/// Steps of the work with a child that several browser tests take the same way (the per-part tests and the month of
/// work): each is what a case manager does on the page, and each ends once the page shows it was done.
/// </summary>
internal static class WorkSteps
{
    /// <summary>
    /// Dai's assessment as the team left it, countersigned: a significant concern about learning and a bereavement.
    /// Walking the assessment's eight sections is the assessment tests' work; here it is the starting point.
    /// </summary>
    public static async Task<Guid> AssessedCaseAsync(BrowserFixture fixture)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var childId = await db.Children.Where(c => c.GivenName == "Dafydd").Select(c => c.Id).SingleAsync();
        var work = await db.Cases.SingleAsync(c => c.ChildId == childId);
        var now = DateTime.UtcNow;
        var assessment = Assessment.Start(work, null, now, null);
        assessment.SetJudgements(work, new Judgements(LikelihoodRating.Low, "Settled.", null, ConcernRating.Low, "No harm.", null, ConcernRating.Low, "Safe at home.", null), now);
        foreach (var domain in Enum.GetValues<CafDomain>())
        {
            assessment.SetAreas(domain, CafAreas.In(domain).Select(a => new AreaAnswer(a, null, null, a == CafArea.Learning ? ConcernMarker.SignificantConcern : ConcernMarker.NoConcern)).ToList(), now);
        }

        assessment.SetAdversity(Enum.GetValues<Adversity>().Select(a => new AdversityAnswerInput(a, a == Adversity.Bereavement ? AdversityAnswer.Yes : AdversityAnswer.No, null, "Dai", DateOnly.FromDateTime(now), null)).ToList(), now);
        assessment.SetLearningNeeds(new LearningNeeds(AlnStatus.NoAdditionalNeeds, false, SpeechLanguageNeeds.None, Neurodiversity.None, null, SchoolAttachment.Strong, 95, 0, false, false, null), now);
        assessment.SetStrengthsAndViews(new StrengthsAndViews(null, "Boxing", "To be a mechanic", "I miss my grandad.", null), now);
        assessment.SetAnalysis("Behind in reading since his grandfather died.", "Reading support", now);
        assessment.Submit(now, null);
        assessment.Countersign(now, null);
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync();
        return work.Id;
    }

    /// <summary>From the intervention's page: a new status (its English label) on a date, shown on the list after.</summary>
    public static async Task SetInterventionStatusAsync(IPage page, string kind, string status, DateOnly date)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = kind }).ClickAsync();
        await page.GetByLabel(status, new() { Exact = true }).CheckAsync();
        await FillDateAsync(page, "Date", date);
        await AssertAccessibleAsync(page);
        await page.GetByTestId("save-status").ClickAsync();
        await Expect(page.GetByTestId("intervention-status")).ToHaveTextAsync(status);
    }

    /// <summary>From the case's onward referrals: a referral to a service on a date, waiting since.</summary>
    public static async Task ReferOnAsync(IPage page, string service, DateOnly referred)
    {
        await page.GetByTestId("refer-on").ClickAsync();
        await page.GetByLabel(service).CheckAsync();
        await FillDateAsync(page, "Date referred", referred);
        await AssertAccessibleAsync(page);
        await page.GetByTestId("save-onward-referral").ClickAsync();
        var days = DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - referred.DayNumber;
        await Expect(page.GetByTestId("onward-referral-wait")).ToHaveTextAsync($"{days} days so far");
    }

    /// <summary>From the onward referrals: the next step of the referral (its English label) on a date.</summary>
    public static async Task OnwardReferralStepAsync(IPage page, string service, string step, DateOnly date)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = service }).ClickAsync();
        await page.GetByLabel(step).CheckAsync();
        await FillDateAsync(page, "Date", date);
        await AssertAccessibleAsync(page);
        await page.GetByTestId("save-step").ClickAsync();
    }

    /// <summary>On the plan: an action of the professionals' plan answering the assessed need named by its label.</summary>
    public static async Task AddPlanActionAsync(IPage page, string what, string agency, DateOnly due, string need)
    {
        await page.GetByText("Add an action").ClickAsync();
        await page.GetByLabel("What will be done").FillAsync(what);
        await page.GetByLabel("Agency that owns it").FillAsync(agency);
        await FillDateAsync(page.GetByRole(AriaRole.Group, new() { Name = "Due" }), due);
        await page.GetByLabel(need).CheckAsync();
        await page.GetByTestId("add-action").ClickAsync();
        await Expect(page.GetByTestId("plan-actions")).ToContainTextAsync(what);
    }

    /// <summary>On the plan: the child's own plan in their words, and a person who stays in the exit plan.</summary>
    public static async Task AddMyPlanAndExitAsync(IPage page, string inTheirWords, string person, string whatTheyDo)
    {
        await page.GetByText("Add to the child's own plan").ClickAsync();
        await page.GetByLabel("What I want").CheckAsync();
        await page.GetByLabel("In the child's words").FillAsync(inTheirWords);
        await page.GetByTestId("add-item").ClickAsync();
        await Expect(page.GetByTestId("my-plan-WhatIWant")).ToContainTextAsync(inTheirWords);

        await page.GetByText("Add a service or person").ClickAsync();
        await page.GetByLabel("A person").CheckAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(person);
        await page.GetByLabel("What they do with the child").FillAsync(whatTheyDo);
        await page.GetByTestId("add-exit").ClickAsync();
        await Expect(page.GetByTestId("plan-exit")).ToContainTextAsync(whatTheyDo);
    }

    /// <summary>
    /// From the case's meetings: a strategy meeting on a date with one attendee and one decision, recorded without
    /// making the decision an action, then the decision made an action with its own button.
    /// </summary>
    public static async Task RecordMeetingAndActOnItAsync(IPage page, DateOnly on, string decided, string owner, DateOnly due)
    {
        await page.GetByTestId("record-meeting").ClickAsync();
        await FillDateAsync(page.GetByRole(AriaRole.Group, new() { Name = "When was the meeting?" }), on);
        await page.GetByLabel("Strategy or safety meeting").CheckAsync();
        var first = page.GetByTestId("attendee-0");
        await first.GetByLabel("Name").FillAsync("Siân Evans");
        await first.GetByLabel("Agency").FillAsync("Prevention team");
        var decision = page.GetByTestId("decision-0");
        await decision.GetByLabel("What was decided").FillAsync(decided);
        await decision.GetByLabel("Agency that owns it").FillAsync(owner);
        await FillDateAsync(decision.GetByRole(AriaRole.Group, new() { Name = "Due" }), due);
        await page.GetByLabel("Make every decision an action of the professionals' plan").UncheckAsync();
        await AssertAccessibleAsync(page);
        await page.GetByTestId("save-meeting").ClickAsync();
        await Expect(page.GetByTestId("done-banner")).ToContainTextAsync("The meeting is recorded.");
        await page.GetByTestId("act").ClickAsync();
        await Expect(page.GetByTestId("done-banner")).ToContainTextAsync("The decision is now an action of the plan.");
        await Expect(page.GetByTestId("in-plan")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
    }
}
