using CaseManagement.Web.Forms;
using System.Globalization;
using CaseManagement.Application.Cases.Commands;
using CaseManagement.Application.Cases.Commands.HoldReview;
using CaseManagement.Application.Cases.Queries;
using CaseManagement.Application.Cases.Queries.GetCase;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Organisation.Queries.ListTeams;
using CaseManagement.Domain.Cases;

namespace CaseManagement.Web.Pages.Cases;

/// <summary>Records a review held with the child and family: progress on each goal, their views, a decision and the next date.</summary>
public sealed class ReviewModel(IMediator mediator, IStringLocalizer<SharedResource> text, TimeProvider clock) : AppPageModel(mediator)
{
    public CaseDto Case { get; private set; } = null!;

    /// <summary>The goals still being worked on, which the review scores.</summary>
    public IReadOnlyList<GoalDto> Goals { get; private set; } = [];

    /// <summary>How often the case's team reviews its cases (set by an administrator), which the form offers for the next review.</summary>
    public int ReviewIntervalDays { get; private set; } = Domain.Organisation.Team.DefaultReviewIntervalDays;

    [BindProperty] public DateInput HeldOn { get; set; } = DateInput.Empty;

    [BindProperty] public string? WhatIsWorking { get; set; }

    [BindProperty] public string? ChildView { get; set; }

    [BindProperty] public string? FamilyView { get; set; }

    [BindProperty] public string? Recommendations { get; set; }

    [BindProperty] public string? Decision { get; set; }

    [BindProperty] public DateInput NextReviewDue { get; set; } = DateInput.Empty;

    public string? ProgressOf(Guid goalId) => Request.HasFormContentType ? Request.Form[$"Progress-{goalId}"].ToString() : Goals.FirstOrDefault(g => g.Id == goalId)?.Progress.ToString(CultureInfo.InvariantCulture);

    public string? StatusOf(Guid goalId) => Request.HasFormContentType ? Request.Form[$"Status-{goalId}"].ToString() : Goals.FirstOrDefault(g => g.Id == goalId)?.Status.ToString();

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);

        // Most reviews are recorded the day they are held.
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        HeldOn = DateInput.From(today);

        // The next review is usually the team's interval away: offered, for the person to change if the family agreed another date.
        NextReviewDue = DateInput.From(today.AddDays(ReviewIntervalDays));
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var heldOn = DateOf(nameof(HeldOn), HeldOn, "The date of the review must be a real date, like 27 3 2026.");
        var next = DateOf(nameof(NextReviewDue), NextReviewDue, "The date of the next review must be a real date, like 27 3 2027.");
        var scores = new List<GoalProgressAtReview>();
        foreach (var goal in Goals)
        {
            var progress = int.TryParse(ProgressOf(goal.Id), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 0 and <= Goal.MaxProgress ? p : (int?)null;
            var status = FormChoices.Choice<GoalStatus>(StatusOf(goal.Id));
            if (progress is null || status is null)
            {
                ModelState.AddModelError($"Progress-{goal.Id}", string.Format(CultureInfo.CurrentCulture, text["Reviews.ScoreGoal"], goal.Description));
                continue;
            }

            scores.Add(new GoalProgressAtReview(goal.Id, progress.Value, status.Value));
        }

        var command = new HoldReview(id, heldOn ?? default, scores, WhatIsWorking, ChildView, FamilyView, Recommendations, FormChoices.Choice<ReviewDecision>(Decision), next ?? default);
        if ((await TrySendAsync(command, cancellationToken)).Ok)
        {
            return RedirectToPage("/Cases/Details", new { id, done = "reviewed" });
        }

        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Case = await Mediator.Send(new GetCase(id), cancellationToken) is { CanChange: true } found ? found : throw NotFoundException.For("Case", id);
        Goals = Case.Goals.Where(g => g.Status == GoalStatus.Active).ToList();
        ReviewIntervalDays = (await Mediator.Send(new ListTeams(), cancellationToken)).FirstOrDefault(t => t.Id == Case.TeamId)?.ReviewIntervalDays ?? Domain.Organisation.Team.DefaultReviewIntervalDays;
    }
}
