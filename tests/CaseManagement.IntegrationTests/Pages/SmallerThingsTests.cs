using System.Globalization;
using System.Text.RegularExpressions;

namespace CaseManagement.IntegrationTests.Pages;

/// <summary>The smaller things a person notices (issue 16, point 9), as the pages show them, on both databases.</summary>
public abstract partial class SmallerThingsTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [SkippableFact]
    public async Task CasePage_EveryPractitionerAlreadyOnTheCase_SaysWhyThereIsNobodyToAdd()
    {
        using var caseManager = await factory.SignedInAsync();
        var dafydd = await DafyddAsync(caseManager);

        var html = await caseManager.GetStringAsync($"/cases/{dafydd}");

        // The demo has one seconded practitioner, PC Rhys Davies, and he is on Dafydd's case.
        Assert.Contains("data-testid=\"no-practitioners-to-add\">Every seconded practitioner with an account is already on this case.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"UserId\"", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ReviewForm_OffersTheNextReviewAtTheTeamsInterval()
    {
        using var caseManager = await factory.SignedInAsync();
        var dafydd = await DafyddAsync(caseManager);

        var html = await caseManager.GetStringAsync($"/cases/{dafydd}/review");

        var next = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(42);
        Assert.Contains($"value=\"{next.Day}\"", Fragment(html, "NextReviewDue"), StringComparison.Ordinal);
        Assert.Contains($"value=\"{next.Month}\"", Fragment(html, "NextReviewDue-month"), StringComparison.Ordinal);
        Assert.Contains($"value=\"{next.Year}\"", Fragment(html, "NextReviewDue-year"), StringComparison.Ordinal);
        Assert.Contains("Your team reviews cases every 42 days", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ReferralForm_ReferrerPage_OffersTheSendersOwnEmail()
    {
        using var referrer = await factory.SignedInAsync("referrer@demo.example");
        var start = await referrer.GetStringAsync("/referrals/new");
        var draft = (await referrer.PostAsync("/referrals/new", AppFactory.Form(start))).Headers.Location!.OriginalString;

        var html = await referrer.GetStringAsync(draft[..draft.LastIndexOf('/')] + "/referrer");

        Assert.Contains("value=\"referrer@demo.example\"", Fragment(html, "ReferrerEmail"), StringComparison.Ordinal);
        Assert.Contains("value=\"Anna Price\"", Fragment(html, "ReferrerName"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task TwoFactorSetUp_ShowsAQrCodeBesideTheKey()
    {
        using var caseManager = await factory.SignedInAsync();

        var html = await caseManager.GetStringAsync("/account/two-factor");

        var image = Regex.Match(html, "<img class=\"app-qr-code\" src=\"data:image/png;base64,(?<png>[^\"]+)\" alt=\"QR code for your authenticator app\"");
        Assert.True(image.Success, "No QR code image on the page.");
        var png = Convert.FromBase64String(WebUtility.HtmlDecode(image.Groups["png"].Value));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.Contains("data-testid=\"authenticator-key\"", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task TwoFactor_LostPhone_SignsInOnceWithEachRecoveryCode()
    {
        const string Email = "admin@demo.example";
        using var admin = await factory.SignedInAsync(Email);
        var page = await admin.GetStringAsync("/account/two-factor");
        Assert.Contains("You have 0 unused recovery codes.", page, StringComparison.Ordinal);
        var made = await admin.PostAsync("/account/two-factor?handler=RecoveryCodes", AppFactory.Form(page));
        var codes = RecoveryCode().Matches(await made.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);

        // A new session, the phone lost: the sign-in page explains what to do, and a code works once.
        using var lostPhone = factory.Anonymous();
        var signedIn = await AppFactory.SignInAsync(lostPhone, Email, AppFactory.DemoPassword);
        var second = await lostPhone.GetStringAsync(signedIn.Headers.Location!);
        Assert.Contains("data-testid=\"lost-phone\"", second, StringComparison.Ordinal);
        var recovery = await lostPhone.GetStringAsync("/sign-in/two-factor?recovery=true");
        var wrong = await lostPhone.PostAsync("/sign-in/two-factor", AppFactory.Form(recovery, ("Recovery", "true"), ("Code", "BBBBB-22222")));
        Assert.Contains("That recovery code is not right or has been used.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var used = await lostPhone.PostAsync("/sign-in/two-factor", AppFactory.Form(recovery, ("Recovery", "true"), ("Code", codes[0].ToLowerInvariant())));
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Equal("/", used.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await lostPhone.GetAsync("/")).StatusCode);
        var left = await lostPhone.GetStringAsync("/account/two-factor");
        Assert.Contains("You have 9 unused recovery codes.", left, StringComparison.Ordinal);

        using var again = factory.Anonymous();
        var location = (await AppFactory.SignInAsync(again, Email, AppFactory.DemoPassword)).Headers.Location!;
        var form = await again.GetStringAsync(location);
        var reused = await again.PostAsync("/sign-in/two-factor", AppFactory.Form(form, ("Recovery", "true"), ("Code", codes[0])));
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains("That recovery code is not right or has been used.", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ReferralList_SearchAndFilters_NarrowTheList_AndShowOnlyWhatThePersonMaySee()
    {
        using var caseManager = await factory.SignedInAsync();
        using var referrer = await factory.SignedInAsync("referrer@demo.example");

        // A name, in any case and order; a reference.
        var byName = await caseManager.GetStringAsync("/referrals?q=roberts+FFION");
        Assert.Contains("data-testid=\"referral-count\">1 referral<", byName, StringComparison.Ordinal);
        Assert.Contains("Ffion Roberts", byName, StringComparison.Ordinal);
        Assert.DoesNotContain("Cerys Roberts", byName, StringComparison.Ordinal);
        Assert.Contains(">R-DEMO-0097<", await caseManager.GetStringAsync("/referrals?q=r-demo-0097"), StringComparison.Ordinal);

        // Received since yesterday: the three referrals that arrived in the last hours, none of the older ones.
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var recent = await caseManager.GetStringAsync($"/referrals?ReceivedFromDay={yesterday.Day}&ReceivedFromMonth={yesterday.Month}&ReceivedFromYear={yesterday.Year}");
        Assert.Contains("data-testid=\"referral-count\">3 referrals<", recent, StringComparison.Ordinal);
        var page = await caseManager.GetFromJsonAsync<JsonElement>($"/api/v1/referrals?receivedFrom={yesterday:yyyy-MM-dd}&status=AwaitingDuplicateDecision");
        // Meg's, and Cerys's (her twin Ffion shares her home and date of birth: a person decides, decision 0077).
        Assert.Equal(["R-DEMO-0097", "R-DEMO-0098"], page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("reference").GetString()).Order());

        // A day that is not a real date, or the days the wrong way round: said, beside the field.
        var notADate = await caseManager.GetStringAsync("/referrals?ReceivedFromDay=31&ReceivedFromMonth=2&ReceivedFromYear=2026");
        Assert.Contains("<a href=\"#ReceivedFrom\">The first day must be a real date, like 27 3 2026.</a>", notADate, StringComparison.Ordinal);
        var backwards = await caseManager.GetStringAsync($"/referrals?ReceivedFromDay=2&ReceivedFromMonth=3&ReceivedFromYear=2026&ReceivedToDay=1&ReceivedToMonth=3&ReceivedToYear=2026");
        Assert.Contains("The last day must be the same as or after the first day.", backwards, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await caseManager.GetAsync($"/api/v1/referrals?search={new string('x', 101)}")).StatusCode);

        // A referrer finds only among the referrals they sent: Ffion's, not her sister's.
        var own = await referrer.GetStringAsync("/referrals?q=roberts");
        Assert.Contains("data-testid=\"referral-count\">1 referral<", own, StringComparison.Ordinal);
        Assert.DoesNotContain("Cerys", own, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Allocate_SomeoneWhoIsNotACaseManagerOfTheTeam_IsToldBesideTheField()
    {
        using var caseManager = await factory.SignedInAsync();
        var dafydd = await DafyddAsync(caseManager);
        var page = await caseManager.GetStringAsync($"/cases/{dafydd}");

        // A rule the handler checks against the team's people (not the validator): still shown at the field it is about.
        var answer = await caseManager.PostAsync($"/cases/{dafydd}?handler=Allocate", AppFactory.Form(page, ("CaseManagerUserId", Guid.NewGuid().ToString())));
        var html = await answer.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Matches("<a href=\"#CaseManagerUserId\">Choose a case manager of the child(&#x27;|')s team.</a>", html);
        Assert.Contains("id=\"CaseManagerUserId-error\"", html, StringComparison.Ordinal);
    }

    private static async Task<Guid> DafyddAsync(HttpClient caseManager) =>
        (await caseManager.GetFromJsonAsync<JsonElement>("/api/v1/cases?filter=Mine")).GetProperty("items")[0].GetProperty("id").GetGuid();

    /// <summary>The input with the id, as rendered.</summary>
    private static string Fragment(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No {id} on the page.");
        return html[start..html.IndexOf('>', start)];
    }

    [GeneratedRegex("<code class=\"app-code\">([A-Z0-9]{5}-[A-Z0-9]{5})</code>")]
    private static partial Regex RecoveryCode();
}

public sealed class SqliteSmallerThingsTests(SqliteAppFactory factory) : SmallerThingsTests<SqliteAppFactory>(factory);

public sealed class PostgresSmallerThingsTests(PostgresAppFactory factory) : SmallerThingsTests<PostgresAppFactory>(factory);

public sealed class SqlServerSmallerThingsTests(SqlServerAppFactory factory) : SmallerThingsTests<SqlServerAppFactory>(factory);
