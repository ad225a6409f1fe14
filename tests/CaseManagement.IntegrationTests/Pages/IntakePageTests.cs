using System.Text.RegularExpressions;
using CaseManagement.Domain.Children;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests.Pages;

/// <summary>Referral intake through the pages, as a browser without JavaScript sends it, on both databases.</summary>
public abstract partial class IntakePageTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    /// <summary>Each test starts from the demo data: on PostgreSQL, Respawn resets the work first (AppFactory.ResetAsync).</summary>
    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<int> CountReferralsAsync(string familyName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Referrals.CountAsync(r => r.ChildFamilyName == familyName);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, params (string, string)[] fields)
    {
        var page = await client.GetStringAsync(url);
        return await client.PostAsync(url, AppFactory.Form(page, fields));
    }

    [SkippableFact]
    public async Task StaffForm_QuestionPagesThenCheckAnswers_SendsOneReferralEvenWhenSentTwice()
    {
        using var client = await factory.SignedInAsync("referrer@demo.example");
        var family = "Llewelyn" + factory.Provider;
        var start = await PostAsync(client, "/referrals/new");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var draft = start.Headers.Location!.OriginalString;
        Assert.Matches("^/referrals/new/[0-9a-f-]{36}/child$", draft);
        var root = draft[..draft.LastIndexOf('/')];

        // An empty first page: every message at once, beside its field, and nothing saved.
        var empty = await PostAsync(client, root + "/child");
        var errors = await empty.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("<a href=\"#ChildGivenName\">Enter the child&#x27;s first name.</a>", errors, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#ChildSex\">Select the child&#x27;s sex.</a>", errors, StringComparison.Ordinal);
        Assert.Contains("id=\"ChildDateOfBirth-error\"", errors, StringComparison.Ordinal);

        var badDate = await PostAsync(client, root + "/child", ("ChildGivenName", "Angharad"), ("ChildFamilyName", family), ("ChildDateOfBirthDay", "31"), ("ChildDateOfBirthMonth", "2"), ("ChildDateOfBirthYear", "2013"), ("ChildSex", "Female"), ("ChildPreferredLanguage", "Welsh"));
        var badDateHtml = await badDate.Content.ReadAsStringAsync();
        Assert.Contains("Date of birth must be a real date", badDateHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Enter the child&#x27;s date of birth.", badDateHtml, StringComparison.Ordinal);

        Assert.Equal(root + "/details", (await PostAsync(client, root + "/child", ("ChildGivenName", "Angharad"), ("ChildFamilyName", family), ("ChildDateOfBirthDay", "3"), ("ChildDateOfBirthMonth", "2"), ("ChildDateOfBirthYear", "2013"), ("ChildSex", "Female"), ("ChildPreferredLanguage", "Welsh"))).Headers.Location!.OriginalString);
        var badNhs = await PostAsync(client, root + "/details", ("ChildPostcode", "cf37 1dl"), ("ChildNhsNumber", "943 476 5918"));
        Assert.Contains("Enter a real NHS number", await badNhs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(root + "/referrer", (await PostAsync(client, root + "/details", ("ChildPostcode", "cf37 1dl"), ("ChildNhsNumber", "943 476 5919"), ("ChildSchool", "Ysgol Gyfun Rhydywaun"))).Headers.Location!.OriginalString);
        Assert.Equal(root + "/concerns", (await PostAsync(client, root + "/referrer", ("Source", "Education"), ("ReferrerName", "Head of year"), ("Urgency", "Routine"))).Headers.Location!.OriginalString);
        Assert.Equal(root + "/consent", (await PostAsync(client, root + "/concerns", ("Concerns", "Missing lessons; has said she feels unsafe on the way home."))).Headers.Location!.OriginalString);
        var badConsent = await PostAsync(client, root + "/consent", ("Consent", "NotSought"), ("LawfulBasis", "Consent"));
        Assert.Contains("The lawful basis cannot be consent", await badConsent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(root + "/check", (await PostAsync(client, root + "/consent", ("Consent", "ChildAndFamily"), ("LawfulBasis", "Consent"))).Headers.Location!.OriginalString);

        var check = await client.GetStringAsync(root + "/check");
        Assert.Contains("Angharad", check, StringComparison.Ordinal);
        Assert.Contains("CF37 1DL", check, StringComparison.Ordinal);
        Assert.Contains("Ysgol Gyfun Rhydywaun", check, StringComparison.Ordinal);
        Assert.Contains(root + "/details?return=check", check, StringComparison.Ordinal);

        // Two presses of "Send": one referral, and both end on the same confirmation.
        var first = await client.PostAsync(root + "/check", AppFactory.Form(check));
        var second = await client.PostAsync(root + "/check", AppFactory.Form(check));
        Assert.Equal(root + "/sent", first.Headers.Location!.OriginalString);
        Assert.Equal(root + "/sent", second.Headers.Location!.OriginalString);
        Assert.Equal(1, await CountReferralsAsync(family));
        var sent = await client.GetStringAsync(root + "/sent");
        Assert.Matches("data-testid=\"referral-reference\">R-[0-9]{6}-[A-Z2-9]{6}<", sent);
    }

    [SkippableFact]
    public async Task StaffForm_WhoseContactItIs_AskedCheckedAndKept()
    {
        // Decision 0092: the officer says whose the phone and the e-mail are; a value that is not a choice is refused
        // with a message linked from the summary, and the answer is shown on the check page and kept with the referral.
        using var client = await factory.SignedInAsync("referrer@demo.example");
        var family = "Owain" + factory.Provider;
        var draft = (await PostAsync(client, "/referrals/new")).Headers.Location!.OriginalString;
        var root = draft[..draft.LastIndexOf('/')];
        await PostAsync(client, root + "/child", ("ChildGivenName", "Cai"), ("ChildFamilyName", family), ("ChildDateOfBirthDay", "3"), ("ChildDateOfBirthMonth", "2"), ("ChildDateOfBirthYear", "2012"), ("ChildSex", "Male"), ("ChildPreferredLanguage", "Welsh"));
        Assert.Contains("Whose telephone number is this?", await client.GetStringAsync(root + "/details"), StringComparison.Ordinal);

        var refused = await (await PostAsync(client, root + "/details", ("ChildPhone", "07700 900123"), ("ChildPhoneOwner", "Uncle"))).Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#ChildPhoneOwner\">Select whose telephone number this is: the child&#x27;s own, or a parent&#x27;s or carer&#x27;s.</a>", refused, StringComparison.Ordinal);

        var saved = await PostAsync(client, root + "/details", ("ChildPhone", "07700 900123"), ("ChildPhoneOwner", "Child"), ("ChildEmail", "mam@example.com"), ("ChildEmailOwner", "ParentOrCarer"));
        Assert.Equal(root + "/referrer", saved.Headers.Location!.OriginalString);
        await PostAsync(client, root + "/referrer", ("Source", "Education"), ("ReferrerName", "Head of year"), ("Urgency", "Routine"));
        await PostAsync(client, root + "/concerns", ("Concerns", "Missing lessons."));
        await PostAsync(client, root + "/consent", ("Consent", "ChildAndFamily"), ("LawfulBasis", "Consent"));
        var check = await client.GetStringAsync(root + "/check");
        Assert.Contains("The child&#x27;s own", check, StringComparison.Ordinal);
        Assert.Contains("A parent&#x27;s or carer&#x27;s", check, StringComparison.Ordinal);
        Assert.Equal(root + "/sent", (await client.PostAsync(root + "/check", AppFactory.Form(check))).Headers.Location!.OriginalString);

        await using var scope = factory.Services.CreateAsyncScope();
        var referral = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Referrals.AsNoTracking().SingleAsync(r => r.ChildFamilyName == family);
        Assert.Equal((ContactOwner?)ContactOwner.Child, referral.ChildPhoneOwner);
        Assert.Equal((ContactOwner?)ContactOwner.ParentOrCarer, referral.ChildEmailOwner);
    }

    [SkippableFact]
    public async Task StaffForm_SendPressedSixTimesAtOnce_SendsOneReferralAndEveryPressShowsIt()
    {
        using var client = await factory.SignedInAsync("referrer@demo.example");
        var family = "Race" + factory.Provider;
        var draft = (await PostAsync(client, "/referrals/new")).Headers.Location!.OriginalString;
        var root = draft[..draft.LastIndexOf('/')];
        await PostAsync(client, root + "/child", ("ChildGivenName", "Nesta"), ("ChildFamilyName", family), ("ChildDateOfBirthDay", "3"), ("ChildDateOfBirthMonth", "2"), ("ChildDateOfBirthYear", "2013"), ("ChildSex", "Female"), ("ChildPreferredLanguage", "Welsh"));
        await PostAsync(client, root + "/details", ("ChildPostcode", "CF37 1DL"));
        await PostAsync(client, root + "/referrer", ("Source", "Education"), ("ReferrerName", "Head of year"), ("Urgency", "Routine"));
        await PostAsync(client, root + "/concerns", ("Concerns", "Missing lessons."));
        await PostAsync(client, root + "/consent", ("Consent", "ChildAndFamily"), ("LawfulBasis", "Consent"));
        var check = await client.GetStringAsync(root + "/check");

        // The presses race: each finds no referral for the draft yet, and all but one lose on the draft's key.
        var presses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.PostAsync(root + "/check", AppFactory.Form(check))));

        Assert.All(presses, p => Assert.Equal(root + "/sent", p.Headers.Location?.OriginalString));
        Assert.Equal(1, await CountReferralsAsync(family));
    }

    [SkippableFact]
    public async Task StaffForm_AnotherUsersDraft_IsNotFound()
    {
        using var owner = await factory.SignedInAsync("referrer@demo.example");
        var draft = (await PostAsync(owner, "/referrals/new")).Headers.Location!.OriginalString;
        using var other = await factory.SignedInAsync("practitioner@demo.example");

        var response = await other.GetAsync(draft);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static (string, string)[] SelfReferral(string family, string? website = null) =>
    [
        ("Relationship", "ParentOrCarer"), ("YourName", "Rhian " + family), ("Phone", "01443 123456"),
        ("ChildGivenName", "Macsen"), ("ChildFamilyName", family), ("ChildDateOfBirthDay", "9"), ("ChildDateOfBirthMonth", "9"), ("ChildDateOfBirthYear", "2012"),
        ("ChildPostcode", "CF37 2AB"), ("ChildPreferredLanguage", "Welsh"), ("Concerns", "He has been getting into fights and wants help."), ("Agreed", "true"),
        ("Website", website ?? string.Empty),
    ];

    private static string Token(string html) => TokenPattern().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"Token\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [SkippableFact]
    public async Task SelfReferral_FromAFamily_IsReceivedOnceAndRevealsOnlyItsReference()
    {
        using var client = factory.Anonymous();
        var family = "Selfref" + factory.Provider;
        var form = await client.GetStringAsync("/self-referral");

        // Filled in by a person: it takes longer than the form's minimum time.
        await Task.Delay(TimeSpan.FromSeconds(3.2));
        var fields = SelfReferral(family).Append(("Token", Token(form))).ToArray();
        var first = await client.PostAsync("/self-referral", AppFactory.Form(form, fields));
        var retry = await client.PostAsync("/self-referral", AppFactory.Form(form, fields));

        Assert.Equal("/self-referral/sent", first.Headers.Location!.OriginalString);
        Assert.Equal("/self-referral/sent", retry.Headers.Location!.OriginalString);
        Assert.Equal(1, await CountReferralsAsync(family));
        var sent = await client.GetStringAsync("/self-referral/sent");
        Assert.Matches($"data-testid=\"referral-reference\">R-[0-9]{{6}}-{RealSuffix}<", sent);
        Assert.DoesNotContain("Macsen", sent, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task SelfReferral_Invalid_ShowsMessagesAndKeepsTheAnswers()
    {
        using var client = factory.Anonymous();
        var form = await client.GetStringAsync("/self-referral");

        var response = await client.PostAsync("/self-referral", AppFactory.Form(form, ("Token", Token(form)), ("ChildGivenName", "Macsen"), ("Phone", "")));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter a telephone number or an email address", html, StringComparison.Ordinal);
        Assert.Contains("Confirm that the child and family agree", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Macsen\"", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task SelfReferral_ByAScript_IsDropped()
    {
        using var client = factory.Anonymous();
        var family = "Spam" + factory.Provider;
        var form = await client.GetStringAsync("/self-referral");

        // Sent at once: checked, kept nowhere, and asked to send again. With the hidden field filled in: thanked, and dropped.
        var fast = await client.PostAsync("/self-referral", AppFactory.Form(form, SelfReferral(family).Append(("Token", Token(form))).ToArray()));
        var trapped = await client.PostAsync("/self-referral", AppFactory.Form(form, SelfReferral(family, website: "http://spam.example").Append(("Token", Token(form))).ToArray()));

        Assert.Equal(HttpStatusCode.OK, fast.StatusCode);
        Assert.Contains("Your request has not been sent yet. Press Send to send it.", await fast.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("/self-referral/sent", trapped.Headers.Location!.OriginalString);
        Assert.Equal(0, await CountReferralsAsync(family));
    }

    /// <summary>A caught script is thanked with a reference from the same generator as a real one: nothing tells it apart.</summary>
    [SkippableFact]
    public async Task SelfReferral_CaughtScript_GetsAReferenceShapedAsARealOne()
    {
        using var client = factory.Anonymous();
        var form = await client.GetStringAsync("/self-referral");
        var fields = SelfReferral("Decoy" + factory.Provider, website: "http://spam.example").Append(("Token", Token(form))).ToArray();

        // Twenty answers: a hex suffix (with its 0 and 1) would show itself in at least one of them.
        for (var i = 0; i < 20; i++)
        {
            var trapped = await client.PostAsync("/self-referral", AppFactory.Form(form, fields));
            Assert.Equal("/self-referral/sent", trapped.Headers.Location!.OriginalString);
            var sent = await client.GetStringAsync("/self-referral/sent");
            Assert.Matches($"data-testid=\"referral-reference\">R-[0-9]{{6}}-{RealSuffix}<", sent);
        }
    }

    // As the references of real referrals are written (SelfReferral_FromAFamily_IsReceivedOnceAndRevealsOnlyItsReference).
    private const string RealSuffix = "[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{6}";

    [SkippableFact]
    public async Task SelfReferral_PublicPage_IsNamedForTheFamilyWithoutTheStaffServiceOrTheApi()
    {
        using var client = factory.Anonymous();

        var form = await client.GetStringAsync("/self-referral");

        Assert.Contains("Support for children and young people</title>", form, StringComparison.Ordinal);
        Assert.DoesNotContain("Youth prevention case management", form, StringComparison.Ordinal);
        Assert.DoesNotContain("/swagger", form, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task SelfReferral_SentAgainAtOnceAfterTheFormExpired_IsReceived()
    {
        using var client = factory.Anonymous();
        var family = "Expired" + factory.Provider;
        var form = await client.GetStringAsync("/self-referral");

        // The form comes back with the answers and a new token; the person presses Send straight away, as they should.
        var expired = await client.PostAsync("/self-referral", AppFactory.Form(form, SelfReferral(family).Append(("Token", "not-a-token")).ToArray()));
        var shownAgain = await expired.Content.ReadAsStringAsync();
        var again = await client.PostAsync("/self-referral", AppFactory.Form(shownAgain, SelfReferral(family).Append(("Token", Token(shownAgain))).ToArray()));

        Assert.Contains("The form has expired", shownAgain, StringComparison.Ordinal);
        Assert.Equal("/self-referral/sent", again.Headers.Location?.OriginalString);
        Assert.Equal(1, await CountReferralsAsync(family));
    }

    [SkippableFact]
    public async Task SelfReferral_ForgedToken_IsRefusedWithAClearMessage()
    {
        using var client = factory.Anonymous();
        var form = await client.GetStringAsync("/self-referral");

        var response = await client.PostAsync("/self-referral", AppFactory.Form(form, SelfReferral("Forged").Append(("Token", "not-a-token")).ToArray()));

        Assert.Contains("The form has expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await CountReferralsAsync("Forged"));
    }

    [SkippableFact]
    public async Task ScreeningPage_ListsTheReferralAwaitingADecision_AndTheReferralPageShowsItsEvidence()
    {
        using var client = await factory.SignedInAsync();

        var queue = await client.GetStringAsync("/screening?status=AwaitingDuplicateDecision");
        var link = ReferralLink().Match(queue);
        var details = await client.GetStringAsync(link.Groups[1].Value);

        Assert.Contains("R-DEMO-0097", queue, StringComparison.Ordinal);
        Assert.Contains("Possible matches", details, StringComparison.Ordinal);
        Assert.Contains("Megan Thomas-Lewis", details, StringComparison.Ordinal);
        Assert.Contains("Nickname or Welsh/English equivalent", details, StringComparison.Ordinal);
        Assert.Contains("Part of the name", details, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"confirm-match\"", details, StringComparison.Ordinal);
    }

    [GeneratedRegex("href=\"(/referrals/[0-9a-f-]{36})\">R-DEMO-0097<")]
    private static partial Regex ReferralLink();
}

public sealed class SqliteIntakePageTests(SqliteAppFactory factory) : IntakePageTests<SqliteAppFactory>(factory);

public sealed class PostgresIntakePageTests(PostgresAppFactory factory) : IntakePageTests<PostgresAppFactory>(factory);

public sealed class SqlServerIntakePageTests(SqlServerAppFactory factory) : IntakePageTests<SqlServerAppFactory>(factory);
