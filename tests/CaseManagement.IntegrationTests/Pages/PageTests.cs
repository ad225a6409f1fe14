namespace CaseManagement.IntegrationTests.Pages;

/// <summary>The pages as a browser without JavaScript sees them, the same cases on SQLite and PostgreSQL.</summary>
public abstract class PageTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    /// <summary>Each test starts from the demo data: on PostgreSQL, Respawn resets the work first (AppFactory.ResetAsync).</summary>
    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task Home_NotSignedIn_RedirectsToSignIn()
    {
        using var client = factory.Anonymous();

        var response = await client.GetAsync("/referrals");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sign-in", response.Headers.Location!.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Freferrals", response.Headers.Location.Query, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task SignIn_WrongPassword_ShowsTheErrorBesideTheFieldAndDoesNotSignIn()
    {
        using var client = factory.Anonymous();

        var response = await AppFactory.SignInAsync(client, "practitioner@demo.example", "not the password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Email\">The email address or password is not right</a>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Email-error\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [SkippableFact]
    public async Task SignIn_EmptyForm_AsksForEachField()
    {
        using var client = factory.Anonymous();

        var response = await AppFactory.SignInAsync(client, string.Empty, string.Empty);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Enter your email address", html, StringComparison.Ordinal);
        Assert.Contains("Enter your password", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task SignIn_DemoUser_LandsOnTheHomePageWithTheirName()
    {
        using var client = await factory.SignedInAsync("teammanager@demo.example");

        var html = await client.GetStringAsync("/");

        Assert.Contains("<h1 class=\"govuk-heading-l\" data-testid=\"page-heading\">Overview</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Gareth Morgan", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"figure-screening\"", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task SignOut_AfterSignIn_EndsTheSession()
    {
        using var client = await factory.SignedInAsync();
        var home = await client.GetStringAsync("/");

        var response = await client.PostAsync("/sign-out", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = AppFactory.AntiforgeryToken(home) }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [SkippableFact]
    public async Task LanguageSwitch_Cymraeg_ShowsThePageInWelsh()
    {
        using var client = await factory.SignedInAsync();

        var switched = await client.GetAsync("/language/cy-GB?returnUrl=%2Freferrals");
        var html = await client.GetStringAsync("/referrals");

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/referrals", switched.Headers.Location!.OriginalString);
        Assert.Contains("<html lang=\"cy\"", html, StringComparison.Ordinal);
        Assert.Contains(">Atgyfeiriadau</h1>", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\" hreflang=\"en\">English</a>", html, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task LanguageSwitch_ReturnUrlElsewhere_GoesHomeInstead(string returnUrl)
    {
        using var client = factory.Anonymous();

        var response = await client.GetAsync("/language/en-GB?returnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [SkippableFact]
    public async Task Referrals_FilteredByStatus_ShowsOnlyThatStatus()
    {
        using var client = await factory.SignedInAsync();

        var html = await client.GetStringAsync("/referrals?status=Declined");

        Assert.Contains("Showing referrals with the status: Declined.", html, StringComparison.Ordinal);
        Assert.Contains("There are no referrals to show.", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Referrals_StatusItDoesNotKnow_SaysSoAtTheFieldNotEveryReferral()
    {
        // Decision 0118: "?status=nonsense" listed every referral as though no status had been chosen.
        using var client = await factory.SignedInAsync();
        Assert.Contains("data-testid=\"referral-count\"", await client.GetStringAsync("/referrals?status=declined"), StringComparison.Ordinal);

        foreach (var address in new[] { "/referrals?status=nonsense", "/referrals?status=3", "/referrals?status=nonsense&handler=Csv" })
        {
            var html = await RefusedPages.SaidAtTheFieldAsync(client, address, "status", "Choose one of the statuses.");
            Assert.DoesNotContain("data-testid=\"referral-count\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("R-DEMO-", html, StringComparison.Ordinal);
            Assert.DoesNotContain("data-testid=\"no-referrals\"", html, StringComparison.Ordinal);
        }

        var welsh = await Welsh.PageAsync(client, "/referrals?status=nonsense");
        Assert.Contains("<a href=\"#status\">Dewiswch un o'r statwsau.</a>", welsh, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ReferralDetails_SeededReferral_ShowsTheChildAndTheConcerns()
    {
        using var client = await factory.SignedInAsync();
        var list = await client.GetStringAsync("/referrals");
        var link = System.Text.RegularExpressions.Regex.Match(list, "href=\"(/referrals/[0-9a-f-]{36})\">R-DEMO-0004<").Groups[1].Value;

        var html = await client.GetStringAsync(link);

        Assert.Contains("Tyler Jones", html, StringComparison.Ordinal);
        Assert.Contains("Youth restorative disposal for criminal damage", html, StringComparison.Ordinal);
        Assert.Contains("Police out-of-court or street disposal", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Children_SignedIn_ListsTheSeededChildrenWithWelshNames()
    {
        using var client = await factory.SignedInAsync();

        var html = await client.GetStringAsync("/children");

        Assert.Contains("Siôn Price (Ioan)", html, StringComparison.Ordinal);
        Assert.Contains("Megan Thomas-Lewis", html, StringComparison.Ordinal);
    }
}

public sealed class SqlitePageTests(SqliteAppFactory factory) : PageTests<SqliteAppFactory>(factory);

public sealed class PostgresPageTests(PostgresAppFactory factory) : PageTests<PostgresAppFactory>(factory);

public sealed class SqlServerPageTests(SqlServerAppFactory factory) : PageTests<SqlServerAppFactory>(factory);
