using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Partners;
using CaseManagement.Application.Partners.Commands.DispatchWebhooks;
using CaseManagement.Domain.Partners;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Persistence;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseManagement.BrowserTests;

/// <summary>
/// The administrators' pages for partner systems and the management board (/admin/clients, /admin/webhooks,
/// /admin/board), with what makes them long: a new client's secret, a partner's long address and its last error.
/// Every page goes through <see cref="PageChecks"/> (375 px, error summary, English on a Welsh page) and axe-core.
/// </summary>
public sealed class PartnerAdminPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Address = "https://referrals.partner-system-of-the-south-wales-police.example.invalid/api/casemanagement/webhooks/receive-referral-decisions";

    [SkippableFact]
    public async Task Administrator_RegistersAClient_ThenReadsThePartnerPagesInWelsh()
    {
        var page = await fixture.NewPageAsync();
        await AddFailedDeliveryAsync();
        await fixture.SignInAsync(page, "admin@demo.example");

        // Nothing chosen: the error summary leads to each field.
        await page.OpenAsync("/admin/clients");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register a client" }).ClickAsync();
        await Expect(page.GetByTestId("error-summary")).ToBeVisibleAsync();
        await page.WaitForReadyAsync();
        await PageChecks.AssertNoFaultsAsync(page);

        // Registered: the secret is shown once, and neither it nor the table pushes the page wider than a phone.
        await page.GetByLabel("Partner account").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Client name").FillAsync("South Wales Police referral gateway (production)");
        await page.GetByLabel("Submit referrals").CheckAsync();
        await page.GetByLabel("Read the referrals it sent").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Register a client" }).ClickAsync();
        await Expect(page.GetByTestId("issued-secret")).ToBeVisibleAsync();
        await page.WaitForReadyAsync();
        var registered = await BrowserFixture.AccessibilityViolationsAsync(page);
        Assert.True(registered.Count == 0, "axe-core found on the registered client:\n" + string.Join("\n", registered));

        foreach (var (path, culture) in new[] { ("/admin/clients", "cy-GB"), ("/admin/webhooks", "cy-GB"), ("/admin/board", "cy-GB"), ("/admin/webhooks", "en-GB") })
        {
            await page.OpenAsync($"/language/{culture}?returnUrl={Uri.EscapeDataString(path)}");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture[..2]);
            var violations = await BrowserFixture.AccessibilityViolationsAsync(page);
            Assert.True(violations.Count == 0, $"axe-core found on {path} ({culture}):\n" + string.Join("\n", violations));
        }

        await Expect(page.GetByTestId("delivery-state")).ToContainTextAsync("Waiting");

        // In Welsh the clients' table says what each client may do in Welsh, not by the scopes' codes alone.
        await page.OpenAsync($"/language/cy-GB?returnUrl={Uri.EscapeDataString("/admin/clients")}");
        await Expect(page.GetByTestId("clients-table")).ToContainTextAsync("Anfon atgyfeiriadau");

        // The board's form sent empty, in Welsh: the error summary leads to the fields.
        await page.OpenAsync("/admin/board");
        await page.GetByTestId("record-board").ClickAsync();
        await Expect(page.GetByTestId("error-summary")).ToBeVisibleAsync();
        await page.WaitForReadyAsync();
        await PageChecks.AssertNoFaultsAsync(page);
    }

    /// <summary>A partner's subscription at a long address that does not answer, and one delivery tried once.</summary>
    private async Task AddFailedDeliveryAsync()
    {
        if (!BrowserFixture.IsAvailable)
        {
            return;
        }

        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var partner = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("mash-system@demo.example");
            var referralId = await db.Referrals.OrderBy(r => r.Reference).Select(r => r.Id).FirstAsync();
            var now = DateTime.UtcNow;
            var subscription = new WebhookSubscription(partner!.Id, new Uri(Address), scope.ServiceProvider.GetRequiredService<IWebhookSecrets>().Protect(WebhookSignature.NewSecret()), now);
            db.WebhookSubscriptions.Add(subscription);
            db.WebhookDeliveries.Add(new WebhookDelivery(Guid.NewGuid(), subscription.Id, referralId, "referral.accepted", "{}", now));
            await db.SaveChangesAsync();
        }

        await using var job = fixture.Services.CreateAsyncScope();
        job.ServiceProvider.GetRequiredService<ActingUser>().ActAs(SystemUser.Instance);
        await job.ServiceProvider.GetRequiredService<IMediator>().Send(new DispatchWebhooks());
    }
}
