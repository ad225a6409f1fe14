using CaseManagement.Application.Assessments;
using CaseManagement.Application.Assessments.Commands.CountersignAssessment;
using CaseManagement.Application.Assessments.Commands.ReturnAssessment;
using CaseManagement.Application.Assessments.Commands.SaveAdversity;
using CaseManagement.Application.Assessments.Commands.SaveAnalysis;
using CaseManagement.Application.Assessments.Commands.SaveAreas;
using CaseManagement.Application.Assessments.Commands.SaveJudgements;
using CaseManagement.Application.Assessments.Commands.SaveLearningNeeds;
using CaseManagement.Application.Assessments.Commands.SaveStrengthsAndViews;
using CaseManagement.Application.Assessments.Commands.StartAssessment;
using CaseManagement.Application.Assessments.Commands.SubmitAssessment;
using CaseManagement.Application.Assessments.Queries.GetAssessment;
using CaseManagement.Application.Assessments.Queries.ListAssessments;
using CaseManagement.Domain.Assessments;
using CaseManagement.Web.Hosting;

namespace CaseManagement.Web.Api;

/// <summary>
/// The TrACE assessment: started on a case, saved section by section, submitted, returned or countersigned by a team
/// manager, and redone as a new version. Answers in sensitive categories are withheld from readers outside the team.
/// </summary>
[Route("api/v1")]
public sealed class AssessmentsController(IMediator mediator) : MediatorController(mediator)
{
    /// <summary>Starts the case's assessment, or a reassessment prefilled from the last countersigned version.</summary>
    [HttpPost("cases/{caseId:guid}/assessments")]
    [Idempotent]
    [ProducesResponseType<CreatedResponse>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Start(Guid caseId, CancellationToken cancellationToken)
    {
        return await CreatedAsync(new StartAssessment(caseId), cancellationToken);
    }

    /// <summary>Every version of the case's assessment with its three ratings and ACE count, oldest first.</summary>
    [HttpGet("cases/{caseId:guid}/assessments")]
    [ProducesResponseType<IReadOnlyList<AssessmentVersionDto>>(StatusCodes.Status200OK)]
    public Task<IActionResult> List(Guid caseId, CancellationToken cancellationToken) =>
        FoundAsync(new ListAssessments(caseId), cancellationToken);

    /// <summary>One assessment, section by section, with the state of each section.</summary>
    [HttpGet("assessments/{id:guid}")]
    [ProducesResponseType<AssessmentDto>(StatusCodes.Status200OK)]
    public Task<IActionResult> Get(Guid id, CancellationToken cancellationToken) =>
        FoundAsync(new GetAssessment(id), cancellationToken);

    /// <summary>The three judgements: each rating needs its rationale.</summary>
    [HttpPut("assessments/{id:guid}/judgements")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public Task<IActionResult> Judgements(Guid id, SaveJudgements request, CancellationToken cancellationToken) =>
        NoContentAsync(request with { AssessmentId = id }, cancellationToken);

    /// <summary>The areas of one CAF domain (<c>ChildsDevelopment</c>, <c>ParentsAndCarers</c>, <c>FamilyAndEnvironment</c>).</summary>
    [HttpPut("assessments/{id:guid}/areas/{domain}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public Task<IActionResult> Areas(Guid id, CafDomain domain, AreasRequest request, CancellationToken cancellationToken) =>
        NoContentAsync(new SaveAreas(id, domain, request.Areas ?? []), cancellationToken);

    /// <summary>Answers to the adversity prompts (the ten ACEs and wider adversity).</summary>
    [HttpPut("assessments/{id:guid}/adversity")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public Task<IActionResult> Adversity(Guid id, AdversityRequest request, CancellationToken cancellationToken) =>
        NoContentAsync(new SaveAdversity(id, request.Answers ?? []), cancellationToken);

    /// <summary>Saves the learning needs section: what is known of the child's learning and any support in place.</summary>
    [HttpPut("assessments/{id:guid}/learning-needs")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public Task<IActionResult> LearningNeeds(Guid id, SaveLearningNeeds request, CancellationToken cancellationToken) =>
        NoContentAsync(request with { AssessmentId = id }, cancellationToken);

    /// <summary>Saves the strengths and views section: what is going well, and the child's and family's own views.</summary>
    [HttpPut("assessments/{id:guid}/strengths-and-views")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public Task<IActionResult> StrengthsAndViews(Guid id, SaveStrengthsAndViews request, CancellationToken cancellationToken) =>
        NoContentAsync(request with { AssessmentId = id }, cancellationToken);

    /// <summary>Saves the analysis section: the assessor's view of the needs and risks, and what should happen next.</summary>
    [HttpPut("assessments/{id:guid}/analysis")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public Task<IActionResult> Analysis(Guid id, SaveAnalysis request, CancellationToken cancellationToken) =>
        NoContentAsync(request with { AssessmentId = id }, cancellationToken);

    /// <summary>Submits the assessment for countersignature; every section must be complete.</summary>
    [HttpPost("assessments/{id:guid}/submit")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public Task<IActionResult> Submit(Guid id, CancellationToken cancellationToken) =>
        NoContentAsync(new SubmitAssessment(id), cancellationToken);

    /// <summary>A team manager returns the assessment with comments.</summary>
    [HttpPost("assessments/{id:guid}/return")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public Task<IActionResult> Return(Guid id, CommentsRequest request, CancellationToken cancellationToken) =>
        NoContentAsync(new ReturnAssessment(id, request.Comments), cancellationToken);

    /// <summary>A team manager countersigns the assessment; it is then read-only.</summary>
    [HttpPost("assessments/{id:guid}/countersign")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public Task<IActionResult> Countersign(Guid id, CancellationToken cancellationToken) =>
        NoContentAsync(new CountersignAssessment(id), cancellationToken);
}

public sealed record AreasRequest(IReadOnlyList<AreaAnswer>? Areas);

public sealed record AdversityRequest(IReadOnlyList<AdversityAnswerInput>? Answers);

public sealed record CommentsRequest(string Comments);
