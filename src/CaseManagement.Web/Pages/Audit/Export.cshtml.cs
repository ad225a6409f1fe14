using CaseManagement.Application.Audit.Queries;
using CaseManagement.Application.Audit.Queries.ExportAudit;
using CaseManagement.Domain.Audit;
using CaseManagement.Web.Hosting;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManagement.Web.Pages.Audit;

/// <summary>The filtered audit trail as a CSV file (UTF-8 with a byte-order mark, so spreadsheets read Welsh letters).</summary>
public sealed class ExportModel(IMediator mediator) : PageModel
{
    public async Task<IActionResult> OnGetAsync([FromQuery] Guid? user, [FromQuery] string? child, [FromQuery] DateOnly? from, [FromQuery] DateOnly? to, [FromQuery] AuditAction? action, CancellationToken cancellationToken)
    {
        IReadOnlyList<AuditEntryDto> rows;
        try
        {
            rows = await mediator.Send(new ExportAudit(new AuditFilter(Guid.TryParse(child, out var c) ? c : null, user, from, to, action)), cancellationToken);
        }
        catch (ValidationException)
        {
            // Filters the trail page would refuse (a date out of range): it shows why, beside the filters.
            return Redirect("/audit" + Request.QueryString);
        }

        return AuditCsv.Write(rows, $"audit-trail-{DateTime.UtcNow:yyyyMMdd-HHmm}.csv");
    }
}
