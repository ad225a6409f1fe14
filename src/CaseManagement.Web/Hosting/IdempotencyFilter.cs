using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Infrastructure.Idempotency;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseManagement.Web.Hosting;

/// <summary>Marks a submission whose retries, sent with the same <c>Idempotency-Key</c> header, must not create anything new.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class IdempotentAttribute : TypeFilterAttribute
{
    public IdempotentAttribute()
        : base(typeof(IdempotencyFilter))
    {
    }
}

/// <summary>
/// With an <c>Idempotency-Key</c> header, the first request does the work and its answer is stored in the same
/// transaction; a retry with the same key (from the same account) gets the stored answer and creates nothing. Two
/// requests racing with one key are serialised by the key's primary key: the second waits, then replays. A key
/// reused for a different request is refused with 422.
/// </summary>
public sealed class IdempotencyFilter(AppDbContext db, ICurrentUser user, TimeProvider clock, IOptions<JsonOptions> mvcJson, IProblemDetailsService problems) : IAsyncActionFilter
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeaderName = "Idempotent-Replayed";
    private const int MaxKeyLength = 200;

    // The API's own JSON settings, so a replayed answer is byte for byte what the first request returned.
    private JsonSerializerOptions Json => mvcJson.Value.JsonSerializerOptions;

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var key = context.HttpContext.Request.Headers[HeaderName].ToString();
        if (string.IsNullOrEmpty(key) || user.UserId is not { } userId)
        {
            await next();
            return;
        }

        if (key.Length > MaxKeyLength || key.Any(c => c < 0x21 || c > 0x7e))
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, $"The {HeaderName} header must be 1 to {MaxKeyLength} visible ASCII characters, such as a UUID.");
            return;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(context.ActionArguments.Where(a => a.Value is not CancellationToken).ToDictionary(a => a.Key, a => a.Value), Json)));
        await using var transaction = await db.Database.BeginTransactionAsync(context.HttpContext.RequestAborted);
        var record = new IdempotencyRecord { UserId = userId, Key = key, RequestHash = hash, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
        try
        {
            // Claiming the key first: a second request with the same key waits here until this one commits.
            var earlier = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == userId && r.Key == key, context.HttpContext.RequestAborted);
            if (earlier is not null)
            {
                await ReplayAsync(context, earlier, hash);
                return;
            }

            db.IdempotencyRecords.Add(record);
            await db.SaveChangesAsync(context.HttpContext.RequestAborted);
        }
        catch (DbUpdateException)
        {
            // Another request with this key committed first: answer as it did.
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            var winner = await db.IdempotencyRecords.AsNoTracking().SingleAsync(r => r.UserId == userId && r.Key == key);
            await ReplayAsync(context, winner, hash);
            return;
        }

        var executed = await next();
        if (executed.Exception is not null || executed.Result is not ObjectResult { StatusCode: >= 200 and < 300 } result)
        {
            // Nothing is kept for a failure, so the client can correct the request and retry with the same key.
            return;
        }

        record.StatusCode = result.StatusCode ?? StatusCodes.Status200OK;
        record.ResponseBody = JsonSerializer.Serialize(result.Value, Json);
        record.Location = result is CreatedAtActionResult created && context.Controller is ControllerBase controller
            ? controller.Url.Action(created.ActionName, created.ControllerName, created.RouteValues, context.HttpContext.Request.Scheme, context.HttpContext.Request.Host.ToUriComponent())
            : null;
        await db.SaveChangesAsync(context.HttpContext.RequestAborted);
        await transaction.CommitAsync(context.HttpContext.RequestAborted);
    }

    private async Task ReplayAsync(ActionExecutingContext context, IdempotencyRecord earlier, string hash)
    {
        if (!string.Equals(earlier.RequestHash.Trim(), hash, StringComparison.Ordinal))
        {
            await RefuseAsync(context, StatusCodes.Status422UnprocessableEntity, $"This {HeaderName} was already used for a different request. Use a new key for a new request.");
            return;
        }

        var headers = context.HttpContext.Response.Headers;
        headers[ReplayedHeaderName] = "true";
        if (earlier.Location is not null)
        {
            headers.Location = earlier.Location;
        }

        context.Result = new ContentResult { StatusCode = earlier.StatusCode, Content = earlier.ResponseBody, ContentType = "application/json; charset=utf-8" };
    }

    /// <summary>Answers through the app's one problem-details writer, so the refusal carries the correlation id as every other does.</summary>
    private async Task RefuseAsync(ActionExecutingContext context, int status, string title)
    {
        context.HttpContext.Response.StatusCode = status;
        await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context.HttpContext, ProblemDetails = { Status = status, Title = title } });
        context.Result = new EmptyResult();
    }
}
