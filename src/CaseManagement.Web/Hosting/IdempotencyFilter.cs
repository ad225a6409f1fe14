using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Infrastructure.Idempotency;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Web.Api;
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
/// With an <c>Idempotency-Key</c> header, the first request does the work, and the key's record with its answer is
/// written with the work: in the command's one save, or in its transaction before the commit (decision 0075). A retry
/// with the same key (from the same account) gets the stored answer and creates nothing. Two requests racing with one
/// key both write the key's record: the second is refused by its primary key, nothing of it is kept, and it answers as
/// the first did. A key reused for a different request is refused with 422. The filter holds no transaction.
/// </summary>
public sealed class IdempotencyFilter(AppDbContext db, ICurrentUser user, TimeProvider clock, IOptions<JsonOptions> mvcJson, IProblemDetailsService problems, IdempotentAnswer answer) : IAsyncActionFilter
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeaderName = "Idempotent-Replayed";
    private const int MaxKeyLength = 200;
    private static readonly object AcceptedKeyItem = new();

    /// <summary>The request's Idempotency-Key, once the filter has accepted it; otherwise null.</summary>
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

        var cancellationToken = context.HttpContext.RequestAborted;
        var hash = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(context.ActionArguments.Where(a => a.Value is not CancellationToken).ToDictionary(a => a.Key, a => a.Value), Json)));
        var earlier = await db.IdempotencyRecords.SingleOrDefaultAsync(r => r.UserId == userId && r.Key == key, cancellationToken);
        if (earlier is not null && (earlier.StatusCode > 0 || !SameRequest(earlier, hash)))
        {
            context.Result = await ReplayAsync(context.HttpContext, earlier, hash);
            return;
        }

        // The key is claimed with the work: its record is written by the command's save, with the answer the command keeps
        // (IAnswerKeeper). An earlier send with this key and request that saved its work but not its answer (before
        // decision 0075 the answer was a second save) has left the record unanswered: this send runs the command, which
        // finds that work, and the record is answered.
        answer.Claim(earlier ?? new IdempotencyRecord { UserId = userId, Key = key, RequestHash = hash, CreatedAtUtc = clock.GetUtcNow().UtcDateTime }, isNew: earlier is null, result => Complete(answer.Record!, context, result));
        context.HttpContext.Items[AcceptedKeyItem] = key;
        var executed = await next();
        var record = answer.Record!;
        var state = db.Entry(record).State;
        var succeeded = executed.Exception is null && executed.Result is ObjectResult { StatusCode: >= 200 and < 300 };
        if ((executed.Exception is DbUpdateException lost && !DatabaseOverload.IsOverload(lost)) || (succeeded && state == EntityState.Detached))
        {
            // Another send with this key was saved first, and nothing of this one was kept: answer as it did, or 422.
            db.ChangeTracker.Clear();
            var winner = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == userId && r.Key == key, cancellationToken);
            if (winner is not null && (winner.StatusCode > 0 || !SameRequest(winner, hash)))
            {
                executed.Result = await ReplayAsync(context.HttpContext, winner, hash);
                executed.ExceptionHandled = true;
            }

            return;
        }

        if (!succeeded)
        {
            // Nothing is kept for a failure, so the client can correct the request and retry with the same key.
            if (state == EntityState.Added)
            {
                db.Entry(record).State = EntityState.Detached;
            }

            return;
        }

        if (record.StatusCode == 0)
        {
            // Only for an answer the keeper could not make (IdempotentAnswer.As was not told how): kept in a save of its own.
            Complete(record, context, (ObjectResult)executed.Result!);
        }

        if (db.Entry(record).State == EntityState.Unchanged)
        {
            return;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (!DatabaseOverload.IsOverload(e))
        {
            // Another send with this key stored its answer first: this one answers as it did, or is refused if it was different.
            db.ChangeTracker.Clear();
            var winner = await db.IdempotencyRecords.AsNoTracking().SingleAsync(r => r.UserId == userId && r.Key == key, cancellationToken);
            executed.Result = await ReplayAsync(context.HttpContext, winner, hash);
        }
    }

    private void Complete(IdempotencyRecord record, ActionExecutingContext context, ObjectResult result)
    {
        record.StatusCode = result.StatusCode ?? StatusCodes.Status200OK;
        record.ResponseBody = JsonSerializer.Serialize(result.Value, Json);
        record.Location = result is CreatedAtActionResult created && context.Controller is ControllerBase controller
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

/// <summary>
/// The Idempotency-Key's record of this request, waiting for its answer (decision 0075): the filter claims the key, the
/// command keeps its answer just before its work is saved (<see cref="IAnswerKeeper"/>), and the record is written in
/// that save. A command answering with an id is answered 201 with <see cref="CreatedResponse"/>, as the API's create
/// actions do; an action answering otherwise says how with <see cref="As{T}"/> before it sends the command.
/// </summary>
public sealed class IdempotentAnswer(AppDbContext db) : IAnswerKeeper
{
    private bool _isNew;
    private bool _claimedAgain;
    private Action<ObjectResult>? _complete;
    private Func<object?, ObjectResult?>? _answer;

    /// <summary>The key's record as the context tracks it now; null without an Idempotency-Key.</summary>
    public IdempotencyRecord? Record { get; private set; }

    /// <summary>How the action answers with what its command returns: the same answer the action gives, so a replay is byte for byte the first.</summary>
    public void As<T>(Func<T, ObjectResult> answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        _answer = response => response is T typed ? answer(typed) : null;
    }

    internal void Claim(IdempotencyRecord record, bool isNew, Action<ObjectResult> complete)
    {
        (Record, _isNew, _complete) = (record, isNew, complete);
        if (isNew)
        {
            db.IdempotencyRecords.Add(record);
        }
    }

    public bool KeyIsNew => Record is not null && _isNew && !_claimedAgain;

    public bool Keep(object? answer)
    {
        if (Record is null || Record.StatusCode > 0 || db.Entry(Record).State == EntityState.Detached)
        {
            return false;
        }

        var result = _answer is not null ? _answer(answer) : answer is Guid id ? new ObjectResult(new CreatedResponse(id)) { StatusCode = StatusCodes.Status201Created } : null;
        if (result is null)
        {
            return false;
        }

        _complete!(result);
        return true;
    }

    public void ClaimAgain()
    {
        if (Record is null)
        {
            return;
        }

        // The context has forgotten the record with everything else: a fresh one claims the key for the run again, and
        // the run again looks for the work that won the race (KeyIsNew is false from now on).
        _claimedAgain = true;
        Record = new IdempotencyRecord { UserId = Record.UserId, Key = Record.Key, RequestHash = Record.RequestHash, CreatedAtUtc = Record.CreatedAtUtc };
        if (_isNew)
        {
            db.IdempotencyRecords.Add(Record);
        }
        else
        {
            db.IdempotencyRecords.Attach(Record);
        }
    }
}
