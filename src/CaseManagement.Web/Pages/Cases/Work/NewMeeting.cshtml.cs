using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Work;
using CaseManagement.Application.Work.Meetings.Commands.RecordMeeting;
using CaseManagement.Application.Work.Meetings.Queries.ListMeetings;
using CaseManagement.Domain.Work;
using CaseManagement.Web.Forms;

namespace CaseManagement.Web.Pages.Cases.Work;

/// <summary>Records a meeting's minutes: who came (or sent apologies) from which agency, the child's and family's views, the decisions.</summary>
public sealed class NewMeetingModel(IMediator mediator) : AppPageModel(mediator)
{
    /// <summary>Rows offered on the form; the blank ones are left out.</summary>
    public const int AttendeeRows = 6;

    public const int DecisionRows = 4;

    public WorkCase Case { get; private set; } = null!;

    [BindProperty] public DateInput HeldOn { get; set; } = DateInput.Empty;

    [BindProperty] public string? Kind { get; set; }

    [BindProperty] public List<AttendeeRow> Attendees { get; set; } = [];

    [BindProperty] public string? ChildView { get; set; }

    [BindProperty] public string? FamilyView { get; set; }

    [BindProperty] public List<DecisionRow> Decisions { get; set; } = [];

    [BindProperty] public bool DecisionsBecomeActions { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        DecisionsBecomeActions = true;
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var heldOn = DateOf(nameof(HeldOn), HeldOn, "The date of the meeting must be a real date, like 27 3 2026.");
        var attendees = Attendees.Where(a => !a.IsBlank).Select(a => new MeetingAttendeeFields(a.Name, a.Agency, a.Role, a.SentApologies)).ToList();
        var decisions = new List<MeetingDecisionFields>();
        for (var i = 0; i < Decisions.Count; i++)
        {
            var row = Decisions[i];
            if (!row.IsBlank)
            {
                decisions.Add(new MeetingDecisionFields(row.Text, row.OwnerAgency, row.OwnerPerson, DateOf($"Decisions[{decisions.Count}].DueOn", row.DueOn(), "The due date must be a real date, like 27 3 2027.")));
            }
        }

        var record = new RecordMeeting(id, heldOn, FormChoices.Choice<MeetingKind>(Kind), attendees, ChildView, FamilyView, decisions, DecisionsBecomeActions);
        if ((await TrySendAsync(record, cancellationToken)).Ok)
        {
            return RedirectToPage("/Cases/Work/Meetings", new { id, done = "recorded" });
        }

        // The rows kept are the ones filled in, first, so that a message about row 2 sits beside row 2.
        Attendees = [.. Attendees.Where(a => !a.IsBlank)];
        Decisions = [.. Decisions.Where(d => !d.IsBlank)];
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Case = (await Mediator.Send(new ListMeetings(id), cancellationToken))?.Case is { CanChange: true } found ? found : throw NotFoundException.For("Case", id);
        while (Attendees.Count < AttendeeRows)
        {
            Attendees.Add(new AttendeeRow());
        }

        while (Decisions.Count < DecisionRows)
        {
            Decisions.Add(new DecisionRow());
        }
    }

    public sealed class AttendeeRow
    {
        public string? Name { get; set; }

        public string? Agency { get; set; }

        public string? Role { get; set; }

        public bool SentApologies { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Agency) && string.IsNullOrWhiteSpace(Role);
    }

    public sealed class DecisionRow
    {
        public string? Text { get; set; }

        public string? OwnerAgency { get; set; }

        public string? OwnerPerson { get; set; }

        // The date's parts are bound one by one: a row's DateInput, whose binder always succeeds, would make the list endless.
        public string? DueOnDay { get; set; }

        public string? DueOnMonth { get; set; }

        public string? DueOnYear { get; set; }

        public DateInput DueOn() => new(DueOnDay, DueOnMonth, DueOnYear);

        public bool IsBlank => new[] { Text, OwnerAgency, OwnerPerson, DueOnDay, DueOnMonth, DueOnYear }.All(string.IsNullOrWhiteSpace);
    }
}
