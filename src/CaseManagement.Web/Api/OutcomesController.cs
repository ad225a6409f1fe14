using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Outcomes.Commands.RecordBoardMeeting;
using CaseManagement.Application.Outcomes.Commands.RecordCharacteristics;
using CaseManagement.Application.Outcomes.Commands.RecordDisposal;
using CaseManagement.Application.Outcomes.Commands.RecordKpis;
using CaseManagement.Application.Outcomes.Commands.RecordLaterOffence;
using CaseManagement.Application.Outcomes.Commands.SetTeamOutcomeFollowUp;
using CaseManagement.Application.Outcomes.Queries.GetCaseOutcomes;
using CaseManagement.Application.Outcomes.Queries.GetCharacteristics;
using CaseManagement.Application.Outcomes.Queries.GetCohortReport;
using CaseManagement.Application.Outcomes.Queries.GetFairnessReport;
using CaseManagement.Application.Outcomes.Queries.ListCohortChildren;
using CaseManagement.Application.Outcomes.Queries.GetKpiReport;
using CaseManagement.Application.Outcomes.Queries.ListBoardMeetings;
using CaseManagement.Application.Outcomes.Queries.ListKpiChildren;
using CaseManagement.Domain.Outcomes;
using CaseManagement.Web.Pages.Reports;

namespace CaseManagement.Web.Api;

/// <summary>
/// Outcomes (issue 19): a child's key performance indicators, the incident and any out-of-court outcome, later offences,
/// protected characteristics, and the team's quarterly return. Every read is audited.
/// </summary>
[Route("api/v1")]
public sealed class OutcomesController(IMediator mediator) : MediatorController(mediator)
{
    /// <summary>A case's indicators, disposals and later offences, its Cwm Taf outcome and the child's distance travelled.</summary>
    [HttpGet("cases/{caseId:guid}/outcomes")]
    [ProducesResponseType<CaseOutcomesDto>(StatusCodes.Status200OK)]
    public Task<IActionResult> Get(Guid caseId, CancellationToken cancellationToken) =>
        FoundAsync(new GetCaseOutcomes(caseId), cancellationToken);

    /// <summary>Records the key performance indicators at the start, at a review (only when they changed) or at the end of the work.</summary>
    [HttpPost("cases/{caseId:guid}/kpis")]
    [ProducesResponseType<CreatedResponse>(StatusCodes.Status201Created)]
    public async Task<IActionResult> RecordKpis(Guid caseId, KpiRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await CreatedAsync(
            new RecordKpis(caseId, request.Stage, request.RecordedOn, request.AccommodationSuitable, request.EducationHoursOffered, request.EducationHoursAttended, request.LearningNeeds, request.MentalHealth, request.SubstanceUse, request.ChildrensServices, request.SeriousViolence, request.Victims),
            cancellationToken);
    }

    /// <summary>Records the incident that led to the referral, its gravity score and any out-of-court outcome.</summary>
    [HttpPost("cases/{caseId:guid}/disposals")]
    [ProducesResponseType<CreatedResponse>(StatusCodes.Status201Created)]
    public async Task<IActionResult> RecordDisposal(Guid caseId, DisposalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await CreatedAsync(
            new RecordDisposal(caseId, request.Incident, request.IncidentOn, request.GravityScore, request.Outcome, request.OutcomeOn, request.Completed, request.TurnaroundTrigger, request.TurnaroundTriggerOn),
            cancellationToken);
    }

    /// <summary>Records a later offence the team learned of: its date, type, gravity score, source and outcome.</summary>
    [HttpPost("cases/{caseId:guid}/later-offences")]
    [ProducesResponseType<CreatedResponse>(StatusCodes.Status201Created)]
    public async Task<IActionResult> RecordLaterOffence(Guid caseId, LaterOffenceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await CreatedAsync(new RecordLaterOffence(caseId, request.OffenceOn, request.OffenceType, request.GravityScore, request.Source, request.Outcome, request.OutcomeOn), cancellationToken);
    }

    /// <summary>The protected characteristics of the case's child (special-category data): the read is recorded in the audit trail.</summary>
    [HttpGet("cases/{caseId:guid}/characteristics")]
    [ProducesResponseType<CharacteristicsDto>(StatusCodes.Status200OK)]
    public Task<IActionResult> Characteristics(Guid caseId, CancellationToken cancellationToken) =>
        FoundAsync(new GetCharacteristics(caseId), cancellationToken);

    /// <summary>Records the protected characteristics of the case's child; "PrefersNotToSay" answers any question.</summary>
    [HttpPut("cases/{caseId:guid}/characteristics")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> RecordCharacteristics(Guid caseId, CharacteristicsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await NoContentAsync(new RecordCharacteristics(caseId, request.Ethnicity, request.Disability, request.GenderSameAsSex, request.CareExperienced), cancellationToken);
    }

    /// <summary>Sets how many months (1 to 36) after a case closes later offending counts towards its outcome.</summary>
    [HttpPut("team/settings/outcome-follow-up")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> OutcomeFollowUp(SetTeamOutcomeFollowUp request, CancellationToken cancellationToken)
    {
        return await NoContentAsync(request, cancellationToken);
    }

    /// <summary>The team's quarterly key performance indicator return, small numbers suppressed.</summary>
    [HttpGet("reports/kpi")]
    public Task<KpiReportDto> KpiReport([FromQuery] int year, [FromQuery] int quarter, CancellationToken cancellationToken) =>
        Mediator.Send(new GetKpiReport(year, quarter), cancellationToken);

    /// <summary>The children behind one figure of the quarterly return, at the start or at the end.</summary>
    [HttpGet("reports/kpi/children")]
    public Task<IReadOnlyList<KpiChildDto>> KpiChildren([FromQuery] int year, [FromQuery] int quarter, [FromQuery] string? kpi, [FromQuery] string? measure, [FromQuery] KpiStage stage = KpiStage.End, CancellationToken cancellationToken = default) =>
        Mediator.Send(new ListKpiChildren(year, quarter, kpi ?? string.Empty, measure ?? string.Empty, stage), cancellationToken);

    /// <summary>The cohort outcome report for a period (dates inclusive): the work that closed in it and what followed, small numbers suppressed.</summary>
    [HttpGet("reports/cohort")]
    public Task<CohortReportDto> CohortReport([FromQuery] DateOnly? from, [FromQuery] DateOnly? to, CancellationToken cancellationToken) =>
        Mediator.Send(new GetCohortReport(from, to), cancellationToken);

    /// <summary>The children behind one figure of the cohort outcome report (figure Outcome, FirstTimeEntrants or Distance).</summary>
    [HttpGet("reports/cohort/children")]
    public Task<IReadOnlyList<KpiChildDto>> CohortChildren([FromQuery] DateOnly? from, [FromQuery] DateOnly? to, [FromQuery] string? figure, [FromQuery] string? measure, [FromQuery] string? direction, CancellationToken cancellationToken) =>
        Mediator.Send(new ListCohortChildren(from, to, figure, measure, direction), cancellationToken);

    /// <summary>The fairness view for a period: waiting, interventions received and outcome by protected characteristic, counts only, small numbers suppressed (team managers; the read is audited).</summary>
    [HttpGet("reports/fairness")]
    public Task<FairnessReportDto> FairnessReport([FromQuery] DateOnly? from, [FromQuery] DateOnly? to, CancellationToken cancellationToken) =>
        Mediator.Send(new GetFairnessReport(from, to), cancellationToken);

    /// <summary>The fairness view for a period as CSV (UTF-8): one row per count, a hidden count written "fewer than 5" as on screen.</summary>
    /// <remarks>Team managers only. The CSV is suppressed exactly as the view is, and every export is in the audit trail.</remarks>
    [HttpGet("reports/fairness/csv")]
    [Produces("text/csv")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    public async Task<IActionResult> FairnessCsv([FromQuery] DateOnly? from, [FromQuery] DateOnly? to, [FromServices] IStringLocalizer<SharedResource> text, CancellationToken cancellationToken) =>
        new FairnessText(text).Csv(await Mediator.Send(new GetFairnessReport(from, to, Export: true), cancellationToken));

    /// <summary>A team's management board meetings, latest first, with the partners whose senior members attended (administrators).</summary>
    [HttpGet("teams/{teamId:guid}/board-meetings")]
    public Task<IReadOnlyList<BoardMeetingDto>> BoardMeetings(Guid teamId, CancellationToken cancellationToken) =>
        Mediator.Send(new ListBoardMeetings(teamId), cancellationToken);

    /// <summary>Records a management board meeting of the team on a day, or corrects the one recorded that day (administrators).</summary>
    [HttpPut("teams/{teamId:guid}/board-meetings/{heldOn}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> RecordBoardMeeting(Guid teamId, DateOnly heldOn, BoardMeetingRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await NoContentAsync(new RecordBoardMeeting(teamId, heldOn, request.Attended), cancellationToken);
    }
}

/// <summary>Who attended a management board meeting.</summary>
/// <param name="Attended">The partners whose senior member attended; empty when none did.</param>
public sealed record BoardMeetingRequest(IReadOnlyList<BoardPartner>? Attended);

/// <summary>The indicators at one stage; leave out learning needs, mental health or substance use when the record already answers them.</summary>
/// <param name="Stage">Start, Review or End.</param>
/// <param name="RecordedOn">The day the indicators describe.</param>
/// <param name="AccommodationSuitable">Whether the child lives in suitable accommodation.</param>
/// <param name="EducationHoursOffered">Hours of education, training or employment offered a week (0 to 40).</param>
/// <param name="EducationHoursAttended">Of those, the hours the child attends a week.</param>
/// <param name="LearningNeeds">Special educational or additional learning needs.</param>
/// <param name="MentalHealth">Mental health and emotional wellbeing need.</param>
/// <param name="SubstanceUse">Substance use need.</param>
/// <param name="ChildrensServices">Links with children's services.</param>
/// <param name="SeriousViolence">Whether the behaviour involved serious violence.</param>
/// <param name="Victims">How far the victims took part.</param>
public sealed record KpiRequest(
    KpiStage? Stage,
    DateOnly? RecordedOn,
    bool? AccommodationSuitable,
    int? EducationHoursOffered,
    int? EducationHoursAttended,
    LearningNeedsStatus? LearningNeeds,
    SupportNeedStatus? MentalHealth,
    SupportNeedStatus? SubstanceUse,
    ChildrensServicesStatus? ChildrensServices,
    bool? SeriousViolence,
    VictimStatus? Victims);

/// <summary>The incident or behaviour, and any out-of-court outcome.</summary>
/// <param name="Incident">The incident or behaviour, in a sentence.</param>
/// <param name="IncidentOn">The day it happened.</param>
/// <param name="GravityScore">Its gravity score, 1 to 4.</param>
/// <param name="Outcome">The out-of-court outcome, if any.</param>
/// <param name="OutcomeOn">The day of the outcome.</param>
/// <param name="Completed">Whether the child completed it; leave out while it runs.</param>
/// <param name="TurnaroundTrigger">The Turnaround trigger event, where the team runs Turnaround.</param>
/// <param name="TurnaroundTriggerOn">The day of the trigger event.</param>
public sealed record DisposalRequest(string? Incident, DateOnly? IncidentOn, int? GravityScore, OutOfCourtOutcome? Outcome, DateOnly? OutcomeOn, bool? Completed, string? TurnaroundTrigger, DateOnly? TurnaroundTriggerOn);

/// <summary>A later offence.</summary>
/// <param name="OffenceOn">The day of the offence.</param>
/// <param name="OffenceType">The kind of offence in the source's words.</param>
/// <param name="GravityScore">Its gravity score, 1 to 4.</param>
/// <param name="Source">Where the team learned of it.</param>
/// <param name="Outcome">What the justice system did; NotYetKnown when left out.</param>
/// <param name="OutcomeOn">The day of a caution or conviction.</param>
public sealed record LaterOffenceRequest(DateOnly? OffenceOn, string? OffenceType, int? GravityScore, LaterOffenceSource? Source, LaterOffenceOutcome? Outcome, DateOnly? OutcomeOn);

/// <summary>A child's protected characteristics.</summary>
/// <param name="Ethnicity">The Welsh Government's ethnic group.</param>
/// <param name="Disability">Whether the child is disabled.</param>
/// <param name="GenderSameAsSex">Whether the child's gender is the same as their sex (the child's record holds it).</param>
/// <param name="CareExperienced">Whether the child is care experienced.</param>
public sealed record CharacteristicsRequest(Ethnicity? Ethnicity, CharacteristicAnswer? Disability, CharacteristicAnswer? GenderSameAsSex, CharacteristicAnswer? CareExperienced);
