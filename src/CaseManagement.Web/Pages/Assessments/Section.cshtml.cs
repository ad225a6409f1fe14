using System.Globalization;
using System.Text.RegularExpressions;
using CaseManagement.Application.Assessments;
using CaseManagement.Application.Assessments.Commands.SaveAdversity;
using CaseManagement.Application.Assessments.Commands.SaveAnalysis;
using CaseManagement.Application.Assessments.Commands.SaveAreas;
using CaseManagement.Application.Assessments.Commands.SaveJudgements;
using CaseManagement.Application.Assessments.Commands.SaveLearningNeeds;
using CaseManagement.Application.Assessments.Commands.SaveStrengthsAndViews;
using CaseManagement.Application.Assessments.Queries.GetAssessment;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Domain.Assessments;
using CaseManagement.Web.Pages.Referrals.Submit;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CaseManagement.Web.Pages.Assessments;

/// <summary>
/// One section of the assessment on its own page (the task-list pattern): saved as it is, complete or not, so a long
/// assessment can be done over several sittings. Fields are named by what they answer ("Marker-Health", "Answer-Bullying").
/// </summary>
public sealed partial class SectionModel(IMediator mediator, IStringLocalizer<SharedResource> text, TimeProvider clock) : AppPageModel(mediator)
{
    public AssessmentDto Assessment { get; private set; } = null!;

    public AssessmentSection Section { get; private set; }

    /// <summary>The value to show in a field: what was just posted, else what is saved.</summary>
    public string? Value(string field) => Request.HasFormContentType ? Request.Form[field].ToString() : Saved(field);

    public bool Checked(string field) => Request.HasFormContentType ? Request.Form[field].ToString() == "true" : Saved(field) == "true";

    public async Task<IActionResult> OnGetAsync(Guid id, string section, CancellationToken cancellationToken)
    {
        await LoadAsync(id, section, cancellationToken);
        return Assessment.CanEdit ? Page() : RedirectToPage("/Assessments/Index", new { id });
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string section, CancellationToken cancellationToken)
    {
        await LoadAsync(id, section, cancellationToken);
        IRequest<Unit>? command = Section switch
        {
            AssessmentSection.Judgements => new SaveJudgements(
                id, Choice<LikelihoodRating>("Reoffending"), Text("ReoffendingRationale"), Text("ReoffendingEvidence"),
                Choice<ConcernRating>("SeriousHarm"), Text("SeriousHarmRationale"), Text("SeriousHarmEvidence"),
                Choice<ConcernRating>("Wellbeing"), Text("WellbeingRationale"), Text("WellbeingEvidence")),
            AssessmentSection.ChildsDevelopment or AssessmentSection.ParentsAndCarers or AssessmentSection.FamilyAndEnvironment => new SaveAreas(
                id, AssessmentSections.DomainOf(Section)!.Value,
                CafAreas.In(AssessmentSections.DomainOf(Section)!.Value).Select(a => new AreaAnswer(a, Text($"Strengths-{a}"), Text($"Needs-{a}"), Choice<ConcernMarker>($"Marker-{a}"))).ToList()),
            AssessmentSection.Adversity => Adversity(id),
            AssessmentSection.LearningNeeds => LearningNeeds(id),
            AssessmentSection.StrengthsAndViews => new SaveStrengthsAndViews(id, Text("Relationships"), Text("Interests"), Text("Aspirations"), Text("ChildView"), Text("ParentView")),
            _ => new SaveAnalysis(id, Text("Analysis"), Text("Recommendations")),
        };

        if (command is not null && ModelState.ErrorCount == 0 && (await TrySendAsync(command, cancellationToken)).Ok)
        {
            return RedirectToPage("/Assessments/Index", new { id, done = "saved" });
        }

        NameTheFields();
        return Page();
    }

    private SaveAdversity? Adversity(Guid id)
    {
        var errors = ModelState.ErrorCount;
        var on = ReadDate("RecordedOn", Value("RecordedOnDay"), Value("RecordedOnMonth"), Value("RecordedOnYear"), "The date must be a real date, like 27 3 2026.");
        if (ModelState.ErrorCount > errors)
        {
            return null;
        }

        var recordedOn = on ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var answers = Assessment.Adversities.Where(a => !a.Withheld).Select(a =>
        {
            var answer = Choice<AdversityAnswer>($"Answer-{a.Adversity}");
            var changed = answer != a.Answer || Text($"Notes-{a.Adversity}") != a.Notes || Text($"Source-{a.Adversity}") != a.Source;
            return new AdversityAnswerInput(a.Adversity, answer, Text($"NotAskedReason-{a.Adversity}"), Text($"Source-{a.Adversity}"), answer is null ? null : changed ? recordedOn : a.RecordedOn ?? recordedOn, Text($"Notes-{a.Adversity}"));
        }).ToList();
        return new SaveAdversity(id, answers);
    }

    private SaveLearningNeeds? LearningNeeds(Guid id)
    {
        int? Number(string field, int max, string message)
        {
            var raw = Text(field);
            if (raw is null)
            {
                return null;
            }

            if (int.TryParse(raw.TrimEnd('%'), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed <= max)
            {
                return parsed;
            }

            ModelState.AddModelError(field, text[message]);
            return null;
        }

        var attendance = Number("AttendancePercent", 100, "Attendance must be a whole number from 0 to 100.");
        var exclusions = Number("FixedTermExclusions", 100, "Exclusions must be a whole number from 0 to 100.") ?? 0;
        return new SaveLearningNeeds(
            id, Choice<AlnStatus>("Status"), Checked("HasIndividualDevelopmentPlan"), Choice<SpeechLanguageNeeds>("SpeechLanguage"), Choice<Neurodiversity>("Neurodiversity"),
            Text("NeurodiversityNotes"), Choice<SchoolAttachment>("SchoolAttachment"), attendance, exclusions, Checked("PermanentlyExcluded"), Checked("EducationalPsychologistInvolved"), Text("Notes"));
    }

    /// <summary>A message about item 3 of a list ("Answers[3].NotAskedReason") belongs beside the field that holds it ("NotAskedReason-Bullying").</summary>
    private void NameTheFields()
    {
        var items = Section == AssessmentSection.Adversity
            ? Assessment.Adversities.Where(a => !a.Withheld).Select(a => a.Adversity.ToString()).ToList()
            : AssessmentSections.DomainOf(Section) is { } domain ? CafAreas.In(domain).Select(a => a.ToString()).ToList() : [];
        foreach (var key in ModelState.Keys.ToList())
        {
            var match = ListItem().Match(key);
            if (!match.Success || int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) >= items.Count)
            {
                continue;
            }

            var field = $"{match.Groups[2].Value}-{items[int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)]}";
            foreach (var error in ModelState[key]!.Errors)
            {
                ModelState.AddModelError(field, error.ErrorMessage);
            }

            ModelState.Remove(key);
        }
    }

    private string? Text(string field) => string.IsNullOrWhiteSpace(Request.Form[field]) ? null : Request.Form[field].ToString();

    private TEnum? Choice<TEnum>(string field)
        where TEnum : struct, Enum => ReferralForm.Choice<TEnum>(Request.Form[field]);

    private string? Saved(string field)
    {
        var a = Assessment;
        var dash = field.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0)
        {
            var (name, item) = (field[..dash], field[(dash + 1)..]);
            var area = a.Areas.FirstOrDefault(x => x.Area.ToString() == item);
            var adversity = a.Adversities.FirstOrDefault(x => x.Adversity.ToString() == item);
            return name switch
            {
                "Marker" => area?.Marker?.ToString(),
                "Strengths" => area?.Strengths,
                "Needs" => area?.Needs,
                "Answer" => adversity?.Answer?.ToString(),
                "NotAskedReason" => adversity?.NotAskedReason,
                "Source" => adversity?.Source,
                "Notes" => adversity?.Notes,
                _ => null,
            };
        }

        var (j, l, v) = (a.Judgements, a.LearningNeeds, a.StrengthsAndViews);
        return field switch
        {
            "Reoffending" => j.Reoffending?.ToString(),
            "ReoffendingRationale" => j.ReoffendingRationale,
            "ReoffendingEvidence" => j.ReoffendingEvidence,
            "SeriousHarm" => j.SeriousHarm?.ToString(),
            "SeriousHarmRationale" => j.SeriousHarmRationale,
            "SeriousHarmEvidence" => j.SeriousHarmEvidence,
            "Wellbeing" => j.Wellbeing?.ToString(),
            "WellbeingRationale" => j.WellbeingRationale,
            "WellbeingEvidence" => j.WellbeingEvidence,
            "Status" => l.Status?.ToString(),
            "HasIndividualDevelopmentPlan" => l.HasIndividualDevelopmentPlan ? "true" : null,
            "SpeechLanguage" => l.SpeechLanguage?.ToString(),
            "Neurodiversity" => l.Neurodiversity?.ToString(),
            "NeurodiversityNotes" => l.NeurodiversityNotes,
            "SchoolAttachment" => l.SchoolAttachment?.ToString(),
            "AttendancePercent" => l.AttendancePercent?.ToString(CultureInfo.InvariantCulture),
            "FixedTermExclusions" => l.FixedTermExclusions.ToString(CultureInfo.InvariantCulture),
            "PermanentlyExcluded" => l.PermanentlyExcluded ? "true" : null,
            "EducationalPsychologistInvolved" => l.EducationalPsychologistInvolved ? "true" : null,
            "Notes" => l.Notes,
            "Relationships" => v.Relationships,
            "Interests" => v.Interests,
            "Aspirations" => v.Aspirations,
            "ChildView" => v.ChildView,
            "ParentView" => v.ParentView,
            "Analysis" => a.Analysis,
            "Recommendations" => a.Recommendations,
            _ => null,
        };
    }

    private async Task LoadAsync(Guid id, string section, CancellationToken cancellationToken)
    {
        Section = AssessmentSections.FromSlug(section) ?? throw NotFoundException.For("Assessment section", section);
        Assessment = await Mediator.Send(new GetAssessment(id), cancellationToken) ?? throw NotFoundException.For("Assessment", id);
        if (!Assessment.SeesWholeRecord || (!Assessment.CanEdit && Request.Method == HttpMethods.Post))
        {
            throw NotFoundException.For("Assessment", id);
        }
    }

    [GeneratedRegex(@"^(?:Areas|Answers)\[(\d+)\]\.(\w+)$")]
    private static partial Regex ListItem();
}
