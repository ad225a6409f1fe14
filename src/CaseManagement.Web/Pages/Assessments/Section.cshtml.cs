using System.Globalization;
using CaseManagement.Application.Assessments;
using CaseManagement.Application.Assessments.Commands.SaveAdversity;
using CaseManagement.Application.Assessments.Commands.SaveAnalysis;
using CaseManagement.Application.Assessments.Commands.SaveAreas;
using CaseManagement.Application.Assessments.Commands.SaveJudgements;
using CaseManagement.Application.Assessments.Commands.SaveLearningNeeds;
using CaseManagement.Application.Assessments.Commands.SaveStrengthsAndViews;
using CaseManagement.Application.Assessments.Queries.GetAssessment;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Timeline.Queries.GetChildTimeline;
using CaseManagement.Domain.Assessments;
using CaseManagement.Domain.Timeline;
using CaseManagement.Web.Forms;

namespace CaseManagement.Web.Pages.Assessments;

/// <summary>
/// One section of the assessment on its own page (the task-list pattern), and the adversity section one part per page:
/// each saved as it is, complete or not, so a long assessment can be done over several sittings. The fields are named
/// as the section's request names them ("Reoffending", "Areas[2].Marker", "Answers[3].NotAskedReason"), so they bind
/// straight to its properties and each message of its rules lands beside its field.
/// </summary>
public sealed partial class SectionModel(IMediator mediator, IStringLocalizer<SharedResource> text, TimeProvider clock) : AppPageModel(mediator)
{
    public AssessmentDto Assessment { get; private set; } = null!;

    public AssessmentSection Section { get; private set; }

    /// <summary>The part of the adversity section shown (1 to <see cref="AdversityParts.Count"/>).</summary>
    [BindProperty(SupportsGet = true, Name = "part")] public int Part { get; set; } = 1;

    /// <summary>What the child's timeline already records that bears on a question, so the family need not say it again.</summary>
    public IReadOnlyDictionary<Adversity, IReadOnlyList<TimelineItemDto>> KnownFromTimeline { get; private set; } = new Dictionary<Adversity, IReadOnlyList<TimelineItemDto>>();

    [BindProperty] public LikelihoodRating? Reoffending { get; set; }
    [BindProperty] public string? ReoffendingRationale { get; set; }
    [BindProperty] public string? ReoffendingEvidence { get; set; }
    [BindProperty] public ConcernRating? SeriousHarm { get; set; }
    [BindProperty] public string? SeriousHarmRationale { get; set; }
    [BindProperty] public string? SeriousHarmEvidence { get; set; }
    [BindProperty] public ConcernRating? Wellbeing { get; set; }
    [BindProperty] public string? WellbeingRationale { get; set; }
    [BindProperty] public string? WellbeingEvidence { get; set; }

    [BindProperty] public List<AreaAnswer> Areas { get; set; } = [];

    [BindProperty] public DateInput RecordedOn { get; set; } = DateInput.Empty;
    [BindProperty] public List<AdversityAnswerInput> Answers { get; set; } = [];

    [BindProperty] public AlnStatus? Status { get; set; }
    [BindProperty] public bool HasIndividualDevelopmentPlan { get; set; }
    [BindProperty] public SpeechLanguageNeeds? SpeechLanguage { get; set; }
    [BindProperty] public Neurodiversity? Neurodiversity { get; set; }
    [BindProperty] public string? NeurodiversityNotes { get; set; }
    [BindProperty] public SchoolAttachment? SchoolAttachment { get; set; }

    // Typed as a person types them ("85%"), and read by the page: a number the binder cannot read would be its English message.
    [BindProperty] public string? AttendancePercent { get; set; }
    [BindProperty] public string? FixedTermExclusions { get; set; }
    [BindProperty] public bool PermanentlyExcluded { get; set; }
    [BindProperty] public bool EducationalPsychologistInvolved { get; set; }
    [BindProperty] public string? Notes { get; set; }

    [BindProperty] public string? Relationships { get; set; }
    [BindProperty] public string? Interests { get; set; }
    [BindProperty] public string? Aspirations { get; set; }
    [BindProperty] public string? ChildView { get; set; }
    [BindProperty] public string? ParentView { get; set; }

    [BindProperty] public string? Analysis { get; set; }
    [BindProperty] public string? Recommendations { get; set; }

    /// <summary>The adversity questions of the part shown, as the assessment holds them.</summary>
    public IReadOnlyList<AdversityDto> PartAdversities =>
        Assessment.Adversities.Where(a => AdversityParts.Of(Part).Contains(a.Adversity)).ToList();

    public async Task<IActionResult> OnGetAsync(Guid id, string section, CancellationToken cancellationToken)
    {
        await LoadAsync(id, section, cancellationToken);
        if (!Assessment.CanEdit)
        {
            return RedirectToPage("/Assessments/Index", new { id });
        }

        Show();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string section, CancellationToken cancellationToken)
    {
        await LoadAsync(id, section, cancellationToken);
        IRequest<Unit> command = Section switch
        {
            AssessmentSection.Judgements => new SaveJudgements(
                id, Reoffending, ReoffendingRationale, ReoffendingEvidence, SeriousHarm, SeriousHarmRationale, SeriousHarmEvidence, Wellbeing, WellbeingRationale, WellbeingEvidence),
            AssessmentSection.ChildsDevelopment or AssessmentSection.ParentsAndCarers or AssessmentSection.FamilyAndEnvironment =>
                new SaveAreas(id, AssessmentSections.DomainOf(Section)!.Value, Areas),
            AssessmentSection.Adversity => Adversity(id),
            AssessmentSection.LearningNeeds => new SaveLearningNeeds(
                id, Status, HasIndividualDevelopmentPlan, SpeechLanguage, Neurodiversity, NeurodiversityNotes, SchoolAttachment,
                Number(nameof(AttendancePercent), AttendancePercent, "Attendance must be a whole number from 0 to 100."),
                Number(nameof(FixedTermExclusions), FixedTermExclusions, "Exclusions must be a whole number from 0 to 100.") ?? 0,
                PermanentlyExcluded, EducationalPsychologistInvolved, Notes),
            AssessmentSection.StrengthsAndViews => new SaveStrengthsAndViews(id, Relationships, Interests, Aspirations, ChildView, ParentView),
            _ => new SaveAnalysis(id, Analysis, Recommendations),
        };

        if ((await TrySendAsync(command, cancellationToken)).Ok)
        {
            // The adversity section goes on to its next part; the last part, like every other section, back to the list.
            return Section == AssessmentSection.Adversity && Part < AdversityParts.Count
                ? RedirectToPage("/Assessments/Section", new { id, section, part = Part + 1 })
                : RedirectToPage("/Assessments/Index", new { id, done = "saved" });
        }

        return Page();
    }

    private SaveAdversity Adversity(Guid id)
    {
        var on = DateOf(nameof(RecordedOn), RecordedOn, "The date must be a real date, like 27 3 2026.") ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        // Only this part's questions, and never one withheld from the reader: an answer changed now is dated now.
        var saved = PartAdversities.Where(a => !a.Withheld).ToDictionary(a => a.Adversity);
        var answers = Answers.Where(a => saved.ContainsKey(a.Adversity)).Select(a =>
        {
            var before = saved[a.Adversity];
            var changed = a.Answer != before.Answer || Clean(a.Notes) != before.Notes || Clean(a.Source) != before.Source;
            return a with { RecordedOn = a.Answer is null ? null : changed ? on : before.RecordedOn ?? on };
        }).ToList();
        Answers = answers;
        return new SaveAdversity(id, answers);
    }

    /// <summary>A missing reason names its question: on a page of five, "say why the question was not asked" does not.</summary>
    protected override string MessageFor(FluentValidation.Results.ValidationFailure failure, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentNullException.ThrowIfNull(text);
        var item = AnswerItem().Match(failure.PropertyName);
        if (item.Success && failure.ErrorMessage == "Say why the question was not asked."
            && int.Parse(item.Groups[1].Value, CultureInfo.InvariantCulture) is var index && index < Answers.Count)
        {
            var question = text[$"Adversity.{Answers[index].Adversity}"].Value;
            return string.Format(CultureInfo.CurrentCulture, text["Assessment.NotAskedReasonMissing"], char.ToLower(question[0], CultureInfo.CurrentCulture) + question[1..]);
        }

        return base.MessageFor(failure, text);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^Answers\[(\d+)\]\.NotAskedReason$")]
    private static partial System.Text.RegularExpressions.Regex AnswerItem();

    private int? Number(string field, string? raw, string message)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        if (int.TryParse(raw.Trim().TrimEnd('%'), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed <= 100)
        {
            return parsed;
        }

        ModelState.AddModelError(field, text[message]);
        return null;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Fills the fields with what is saved.</summary>
    private void Show()
    {
        var (a, j, l, v) = (Assessment, Assessment.Judgements, Assessment.LearningNeeds, Assessment.StrengthsAndViews);
        (Reoffending, ReoffendingRationale, ReoffendingEvidence) = (j.Reoffending, j.ReoffendingRationale, j.ReoffendingEvidence);
        (SeriousHarm, SeriousHarmRationale, SeriousHarmEvidence) = (j.SeriousHarm, j.SeriousHarmRationale, j.SeriousHarmEvidence);
        (Wellbeing, WellbeingRationale, WellbeingEvidence) = (j.Wellbeing, j.WellbeingRationale, j.WellbeingEvidence);
        if (AssessmentSections.DomainOf(Section) is { } domain)
        {
            Areas = CafAreas.In(domain).Select(area => a.Areas.FirstOrDefault(x => x.Area == area) is { } saved
                ? new AreaAnswer(area, saved.Strengths, saved.Needs, saved.Marker)
                : new AreaAnswer(area, null, null, null)).ToList();
        }

        Answers = PartAdversities.Where(x => !x.Withheld).Select(x => new AdversityAnswerInput(x.Adversity, x.Answer, x.NotAskedReason, x.Source, x.RecordedOn, x.Notes)).ToList();
        (Status, HasIndividualDevelopmentPlan, SpeechLanguage, Neurodiversity, NeurodiversityNotes, SchoolAttachment) =
            (l.Status, l.HasIndividualDevelopmentPlan, l.SpeechLanguage, l.Neurodiversity, l.NeurodiversityNotes, l.SchoolAttachment);
        (AttendancePercent, FixedTermExclusions, PermanentlyExcluded, EducationalPsychologistInvolved, Notes) =
            (l.AttendancePercent?.ToString(CultureInfo.InvariantCulture), l.FixedTermExclusions.ToString(CultureInfo.InvariantCulture), l.PermanentlyExcluded, l.EducationalPsychologistInvolved, l.Notes);
        (Relationships, Interests, Aspirations, ChildView, ParentView) = (v.Relationships, v.Interests, v.Aspirations, v.ChildView, v.ParentView);
        (Analysis, Recommendations) = (a.Analysis, a.Recommendations);
    }

    private async Task LoadAsync(Guid id, string section, CancellationToken cancellationToken)
    {
        Section = AssessmentSections.FromSlug(section) ?? throw NotFoundException.For("Assessment section", section);
        Assessment = await Mediator.Send(new GetAssessment(id), cancellationToken) ?? throw NotFoundException.For("Assessment", id);
        if (!Assessment.SeesWholeRecord || (!Assessment.CanEdit && Request.Method == HttpMethods.Post))
        {
            throw NotFoundException.For("Assessment", id);
        }

        if (Section == AssessmentSection.Adversity)
        {
            Part = Math.Clamp(Part, 1, AdversityParts.Count);
            var categories = AdversityParts.FromTimeline.Keys.ToList();
            var timeline = await Mediator.Send(new GetChildTimeline(Assessment.ChildId, categories), cancellationToken);
            KnownFromTimeline = (timeline?.Items ?? [])
                .Where(i => i.WithdrawnAtUtc is null)
                .GroupBy(i => AdversityParts.FromTimeline[i.Category])
                .ToDictionary(g => g.Key, g => (IReadOnlyList<TimelineItemDto>)g.ToList());
        }
    }
}
