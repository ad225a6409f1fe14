using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests.Api;

/// <summary>What the partner tests (the changes feed, webhooks) send: a referral to the demo team, as a MASH system would.</summary>
internal static class PartnerReferrals
{
    public static async Task<Guid> TeamIdAsync(AppFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Teams.Where(t => t.Name == "Cwm Taf Prevention Team").Select(t => t.Id).SingleAsync();
    }

    public static object Referral(Guid teamId, string givenName, string familyName, string bornOn) => new
    {
        teamId,
        source = "Mash",
        referrerName = "Gwenllian Morgan",
        concerns = "Missing school on Fridays and seen late at night with older young people.",
        urgency = "Routine",
        consent = "ChildAndFamily",
        lawfulBasis = "PublicTask",
        childGivenName = givenName,
        childFamilyName = familyName,
        childDateOfBirth = bornOn,
        childSex = "Male",
        childPreferredLanguage = "Welsh",
    };
}
