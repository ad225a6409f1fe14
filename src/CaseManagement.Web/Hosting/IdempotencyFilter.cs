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
        : base(typeof(IdempotencyFilter)) => Arguments = [false];

    /// <summary>
    /// The action gives the key to a command that is idempotent by it (<see cref="IdempotencyFilter.AcceptedKey"/>), so
    /// the filter holds no transaction around the action: the command's own save claims the key (decision 0068).
    /// </summary>
    public bool KeyedCommand
    {
        get => Arguments is [true];
        set => Arguments = [value];
    }
}

/// <summary>
/// With an <c>Idempotency-Key</c> header, the first request does the work and its answer is stored in the same
/// transaction; a retry with the same key (from the same account) gets the stored answer and creates nothing. Two
/// requests racing with one key are serialised by the key's primary key: the second waits, then replays. A key
/// reused for a different request is refused with 422. For a command keyed by it (<see cref="IdempotentAttribute.KeyedCommand"/>)
/// no transaction is held around the action: the key's record is saved in the command's own save, then completed.
/// </summary>
public sealed class IdempotencyFilter(AppDbContext db, ICurrentUser user, TimeProvider clock, IOptions<JsonOptions> mvcJson, IProblemDetailsService problems, bool keyedCommand) : IAsyncActionFilter
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeaderName = "Idempotent-Replayed";
    private const int MaxKeyLength = 200;
    private static readonly object AcceptedKeyItem = new();

    /// <summary>The request's Idempotency-Key, once the filter has accepted it for a keyed command; otherwise null.</summary>
    public static string? AcceptedKey(HttpContext context) =>
        context?.Items.TryGetValue(AcceptedKeyItem, out var key) == true ? key as string : null;

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
            context.Result = await RefuseAsync(context.HttpContext, StatusCodes.Status400BadRequest, $"The {HeaderName} header must be 1 to {MaxKeyLength} visible ASCII characters, such as a UUID.");
            return;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(context.ActionArguments.Where(a => a.Value is not CancellationToken).ToDictionary(a => a.Key, a => a.Value), Json)));
        if (keyedCommand)
        {
            await KeyedAsync(context, next, userId, key, hash);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(context.HttpContext.RequestAborted);
        var record = new IdempotencyRecord { UserId = userId, Key = key, RequestHash = hash, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
        try
        {
            // Claiming the key first: a second request with the same key waits here until this one commits.
            var earlier = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == userId && r.Key == key, context.HttpContext.RequestAborted);
            if (earlier is not null)
            {
                context.Result = await ReplayAsync(context.HttpContext, earlier, hash);
                return;
            }

            db.IdempotencyRecords.Add(record);
            await db.SaveChangesAsync(context.HttpContext.RequestAborted);
        }
        catch (DbUpdateException e) when (!DatabaseOverload.IsOverload(e))
        {
            // Another request with this key committed first: answer as it did.
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            var winner = await db.IdempotencyRecords.AsNoTracking().SingleAsync(r => r.UserId == userId && r.Key == key);
            context.Result = await ReplayAsync(context.HttpContext, winner, hash);
            return;
        }

        var executed = await next();
        if (executed.Exception is not null || executed.Result is not ObjectResult { StatusCode: >= 200 and < 300 } result)
        {
            // Nothing is kept for a failure, so the client can correct the request and retry with the same key.
            return;
        }

        Complete(record, context, executed, result);
        await db.SaveChangesAsync(context.HttpContext.RequestAborted);
        await transaction.CommitAsync(context.HttpContext.RequestAborted);
    }

    /// <summary>
    /// For a command that is idempotent by the key itself (decision 0068): no transaction around the action, so the
    /// database's locks are held only for the command's one save. The key's record is added before the action and saved
    /// by that save, with the work; a send that loses a race with the same key runs again, finds the winner's work and
    /// answers as the winner's record says. The answer is added to the record afterwards.
    /// </summary>
    private async Task KeyedAsync(ActionExecutingContext context, ActionExecutionDelegate next, Guid userId, string key, string hash)
    {
        var cancellationToken = context.HttpContext.RequestAborted;
        var earlier = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == userId && r.Key == key, cancellationToken);
        if (earlier is not null && (earlier.StatusCode > 0 || !SameRequest(earlier, hash)))
        {
            context.Result = await ReplayAsync(context.HttpContext, earlier, hash);
            return;
        }

        // An earlier send with this key and request that saved its work but not its answer (it failed after the save) has
        // left the record unanswered: this send runs the command, which finds that work, and answers.
        var record = earlier is null ? new IdempotencyRecord { UserId = userId, Key = key, RequestHash = hash, CreatedAtUtc = clock.GetUtcNow().UtcDateTime } : null;
        if (record is not null)
        {
            db.IdempotencyRecords.Add(record);
        }

        context.HttpContext.Items[AcceptedKeyItem] = key;
        var executed = await next();
        if (executed.Exception is not null || executed.Result is not ObjectResult { StatusCode: >= 200 and < 300 } result)
        {
            // Nothing is kept for a failure, so the client can correct the request and retry with the same key.
            if (record is not null && db.Entry(record).State == EntityState.Added)
            {
                db.Entry(record).State = EntityState.Detached;
            }

            return;
        }

        var stored = record is not null && db.Entry(record).State != EntityState.Detached
            ? record
            : await db.IdempotencyRecords.SingleOrDefaultAsync(r => r.UserId == userId && r.Key == key, cancellationToken);
        if (stored is null)
        {
            stored = new IdempotencyRecord { UserId = userId, Key = key, RequestHash = hash, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
            db.IdempotencyRecords.Add(stored);
        }
        else if (stored.StatusCode > 0 || !SameRequest(stored, hash))
        {
            // This send lost a race with the same key: it answers as the winner did, or is refused if it was different.
            executed.Result = await ReplayAsync(context.HttpContext, stored, hash);
            return;
        }

        Complete(stored, context, executed, result);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (!DatabaseOverload.IsOverload(e))
        {
            // Another send with this key stored its answer first: this one answers as it did, or is refused if it was different.
            db.ChangeTracker.Clear();
            var winner = await db.IdempotencyRecords.AsNoTracking().SingleAsync(r => r.UserId == userId && r.Key == key, cancellationToken);
            if (winner.StatusCode > 0 || !SameRequest(winner, hash))
            {
                executed.Result = await ReplayAsync(context.HttpContext, winner, hash);
            }
        }
    }

    private void Complete(IdempotencyRecord record, ActionExecutingContext context, ActionExecutedContext executed, ObjectResult result)
    {
        record.StatusCode = result.StatusCode ?? StatusCodes.Status200OK;
        record.ResponseBody = JsonSerializer.Serialize(result.Value, Json);
        record.Location = result is CreatedAtActionResult created && executed.Controller is ControllerBase controller
            ? controller.Url.Action(created.ActionName, created.ControllerName, created.RouteValues, context.HttpContext.Request.Scheme, context.HttpContext.Request.Host.ToUriComponent())
            : null;
    }

    private static bool SameRequest(IdempotencyRecord earlier, string hash) => string.Equals(earlier.RequestHash.Trim(), hash, StringComparison.Ordinal);

    private async Task<IActionResult> ReplayAsync(HttpContext context, IdempotencyRecord earlier, string hash)
    {
        if (!SameRequest(earlier, hash))
        {
            return await RefuseAsync(context, StatusCodes.Status422UnprocessableEntity, $"This {HeaderName} was already used for a different request. Use a new key for a new request.");
        }

        var headers = context.Response.Headers;
        headers[ReplayedHeaderName] = "true";
        if (earlier.Location is not null)
        {
            headers.Location = earlier.Location;
        }

        return new ContentResult { StatusCode = earlier.StatusCode, Content = earlier.ResponseBody, ContentType = "application/json; charset=utf-8" };
    }

    /// <summary>Answers through the app's one problem-details writer, so the refusal carries the correlation id as every other does.</summary>
    private async Task<IActionResult> RefuseAsync(HttpContext context, int status, string title)
    {
        context.Response.StatusCode = status;
        await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = { Status = status, Title = title } });
        return new EmptyResult();
    }
}
