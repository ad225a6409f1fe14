using System.Globalization;

namespace CaseManagement.IntegrationTests.Pages;

/// <summary>
/// When a referral's child may already be known: the confirmation page says so to the people who screen (and nothing
/// about it to anyone else), and the decision page says what it means in words, in the page's language.
/// </summary>
public abstract class DuplicateWarningTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [SkippableFact]
    public async Task Sent_ChildMayBeKnown_TellsTheScreenerWhereToDecide()
    {
        using var caseManager = await factory.SignedInAsync();

        var sent = await SendLikeMegAsync(caseManager);

        Assert.Contains("data-testid=\"may-be-known\"", sent, StringComparison.Ordinal);
        Assert.Contains("This child may already be known to the team.", sent, StringComparison.Ordinal);
        Assert.Matches("href=\"/referrals/[0-9a-f-]{36}#possible-matches\"", sent);
    }

    [SkippableFact]
    public async Task Sent_ByAReferrer_SaysOnlyWhatIsTrueOfEveryReferral()
    {
        using var referrer = await factory.SignedInAsync("referrer@demo.example");

        var sent = await SendLikeMegAsync(referrer);

        Assert.DoesNotContain("may-be-known", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("already be known", sent, StringComparison.Ordinal);
        Assert.Contains("The team first checks whether they already know the child, then screens the referral.", sent, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task DecisionPage_SaysWhatTheScoreMeans_AndWhichSideLacksAValue_InEitherLanguage()
    {
        using var caseManager = await factory.SignedInAsync();
        var page = $"/referrals/{(await MegAsync(caseManager)).GetProperty("id").GetGuid()}";

        var english = await caseManager.GetStringAsync(page);

        // One unit everywhere a person meets a match: a probability, its band, and the thresholds as probabilities (decision 0084).
        Assert.Matches("data-testid=\"match-score\">[0-9]+(\\.[0-9]+)?% likely to be this child: for a person to check<", english);
        Assert.Contains("A referral at least 99.629% likely to be a known child is linked automatically; from 0.408% a person checks it", english, StringComparison.Ordinal);
        Assert.DoesNotContain("Score ", english, StringComparison.Ordinal);
        Assert.Contains(">Strongly for<", english, StringComparison.Ordinal);
        Assert.DoesNotContain("For a person to decide", english, StringComparison.Ordinal);
        Assert.DoesNotContain("referral(s)", english, StringComparison.Ordinal);
        Assert.Matches("· (1 referral|[0-9]+ referrals)</span>", english);
        Assert.DoesNotContain("· 1 referrals", english, StringComparison.Ordinal);

        // Meg's sex is not known in the referral; the record says it: only the referral lacks it.
        Assert.Contains("Not in the referral", english, StringComparison.Ordinal);
        Assert.DoesNotContain(">Missing<", english, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"none-heading\"", english, StringComparison.Ordinal);
        Assert.Contains(">Not this child", english, StringComparison.Ordinal);
        Assert.Contains(">Register as a new child<", english, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await caseManager.GetAsync("/language/cy-GB?returnUrl=%2F")).StatusCode);
        var welsh = await caseManager.GetStringAsync(page);
        foreach (var phrase in new[] { ">Female<", "middle name", "hyphenated", "Not in the referral", "for a person to check", "likely", "Strongly for" })
        {
            Assert.DoesNotContain(phrase, welsh, StringComparison.Ordinal);
        }

        Assert.Matches("data-testid=\"match-score\">[0-9]+(\\.[0-9]+)?% yn debygol o fod y plentyn hwn: i berson ei wirio<", welsh);
        Assert.Contains(">Yn gryf o blaid<", welsh, StringComparison.Ordinal);

        Assert.Contains(">Benyw<", welsh, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task DecisionPage_OtherIdentifiersIssuerAndDateOfBirth_InThePagesWords()
    {
        using var caseManager = await factory.SignedInAsync();
        var first = await caseManager.PostAsJsonAsync("/api/v1/referrals", WithOtherIdentifier("SC-40213"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var second = await caseManager.PostAsJsonAsync("/api/v1/referrals", WithOtherIdentifier("SC40213"));
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var page = second.Headers.Location!.AbsolutePath.Replace("/api/v1", string.Empty, StringComparison.Ordinal);

        var english = WebUtility.HtmlDecode(await caseManager.GetStringAsync(page));

        // The second referral is the first one's child, linked for the evidence the page shows.
        Assert.Contains("data-testid=\"match-evidence\"", english, StringComparison.Ordinal);
        // The record's number is the first referral's, shown nowhere else on the page.
        Assert.Contains("SC-40213 (Council children's services)", english, StringComparison.Ordinal);

        // The API gives the issuer as a field of its own beside the bare value (decision 0084).
        var matches = await caseManager.GetFromJsonAsync<JsonElement>(second.Headers.Location!.AbsolutePath + "/matches");
        var other = matches.GetProperty("candidates").EnumerateArray().First().GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("field").GetString() == "OtherIdentifier");
        Assert.Equal("SC40213", other.GetProperty("leftValue").GetString());
        Assert.Equal("SC-40213", other.GetProperty("rightValue").GetString());
        Assert.Equal("LocalAuthority", other.GetProperty("leftIssuer").GetString());
        Assert.Equal("LocalAuthority", other.GetProperty("rightIssuer").GetString());
        Assert.DoesNotContain("LocalAuthority", english, StringComparison.Ordinal);
        Assert.DoesNotContain("03/02/2013", english, StringComparison.Ordinal);
        Assert.Contains(">3 February 2013<", english, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await caseManager.GetAsync("/language/cy-GB?returnUrl=%2F")).StatusCode);
        var welsh = WebUtility.HtmlDecode(await caseManager.GetStringAsync(page));
        Assert.Contains("SC-40213 (Gwasanaethau plant y cyngor)", welsh, StringComparison.Ordinal);
        Assert.DoesNotContain("LocalAuthority", welsh, StringComparison.Ordinal);
        Assert.DoesNotContain("03/02/2013", welsh, StringComparison.Ordinal);
        Assert.Contains(">3 Chwefror 2013<", welsh, StringComparison.Ordinal);
    }

    /// <summary>A referral of a child no demo referral resembles, with a council's number for the child.</summary>
    private Dictionary<string, object?> WithOtherIdentifier(string identifier)
    {
        var referral = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(Api.ReferralApiTests<TFactory>.ValidReferral("Heledd", "Rhydderch-" + factory.Provider)))!;
        referral["childDateOfBirth"] = "2013-02-03";
        referral["childOtherIdentifier"] = identifier;
        referral["childOtherIdentifierIssuer"] = "LocalAuthority";
        return referral;
    }

    /// <summary>The demo referral for "Meg Lewis", who may be Megan Thomas-Lewis: it waits for a duplicate decision.</summary>
    private static async Task<JsonElement> MegAsync(HttpClient client)
    {
        var waiting = await client.GetFromJsonAsync<JsonElement>("/api/v1/referrals?status=AwaitingDuplicateDecision");
        var id = waiting.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("reference").GetString() == "R-DEMO-0097").GetProperty("id").GetGuid();
        return await client.GetFromJsonAsync<JsonElement>($"/api/v1/referrals/{id}");
    }

    /// <summary>Sends, through the question pages, a referral with Meg's details, and answers the confirmation page.</summary>
    private async Task<string> SendLikeMegAsync(HttpClient client)
    {
        using var screener = await factory.SignedInAsync();
        var meg = await MegAsync(screener);
        var born = DateOnly.Parse(meg.GetProperty("childDateOfBirth").GetString()!, CultureInfo.InvariantCulture);
        var draft = (await PostAsync(client, "/referrals/new")).Headers.Location!.OriginalString;
        var root = draft[..draft.LastIndexOf('/')];
        await PostAsync(client, root + "/child", ("ChildGivenName", "Meg"), ("ChildFamilyName", "Lewis"), ("ChildDateOfBirthDay", born.Day.ToString(CultureInfo.InvariantCulture)), ("ChildDateOfBirthMonth", born.Month.ToString(CultureInfo.InvariantCulture)), ("ChildDateOfBirthYear", born.Year.ToString(CultureInfo.InvariantCulture)), ("ChildSex", "NotKnown"), ("ChildPreferredLanguage", "English"));
        await PostAsync(client, root + "/details", ("ChildPostcode", meg.GetProperty("childPostcode").GetString()!));
        await PostAsync(client, root + "/referrer", ("Source", "Mash"), ("ReferrerName", "Duty social worker"), ("Urgency", "Routine"));
        await PostAsync(client, root + "/concerns", ("Concerns", "Present at a disturbance at home and upset."));
        await PostAsync(client, root + "/consent", ("Consent", "ChildAndFamily"), ("LawfulBasis", "Consent"));
        var check = await client.GetStringAsync(root + "/check");
        var sent = await client.PostAsync(root + "/check", AppFactory.Form(check));
        Assert.Equal(root + "/sent", sent.Headers.Location!.OriginalString);
        return await client.GetStringAsync(root + "/sent");
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, params (string, string)[] fields)
    {
        var page = await client.GetStringAsync(url);
        return await client.PostAsync(url, AppFactory.Form(page, fields));
    }
}

public sealed class SqliteDuplicateWarningTests(SqliteAppFactory factory) : DuplicateWarningTests<SqliteAppFactory>(factory);

public sealed class PostgresDuplicateWarningTests(PostgresAppFactory factory) : DuplicateWarningTests<PostgresAppFactory>(factory);

public sealed class SqlServerDuplicateWarningTests(SqlServerAppFactory factory) : DuplicateWarningTests<SqlServerAppFactory>(factory);
