namespace CaseManagement.IntegrationTests.Infrastructure;

/// <summary>Cases the API tests start from.</summary>
public static class TestCases
{
    /// <summary>A referral for a new child (a family name nobody else has), accepted: its case is on the waiting list.</summary>
    public static async Task<(Guid CaseId, Guid ChildId)> NewCaseAsync(HttpClient client, string source = "PoliceNeighbourhoodTeam", string urgency = "Urgent", string? givenName = null)
    {
        // Names, birthday and postcode no other test's child shares, so the referral registers a new child.
        var bytes = Guid.NewGuid().ToByteArray();
        var family = "Q" + new string(bytes.Take(9).Select(b => (char)('a' + (b % 26))).ToArray());
        var given = "Z" + new string(bytes.Skip(9).Take(6).Select(b => (char)('a' + (b % 26))).ToArray());
        var submitted = await client.PostAsJsonAsync("/api/v1/referrals", new
        {
            source,
            referrerName = "PC Jones",
            concerns = "Seen with older young people near the retail park.",
            urgency,
            consent = "ChildAndFamily",
            lawfulBasis = "Consent",
            childGivenName = givenName ?? given,
            childFamilyName = family,
            childDateOfBirth = $"2012-{1 + (bytes[15] % 12):00}-{1 + (bytes[14] % 28):00}",
            childSex = "Female",
            childPostcode = null as string,
            childPreferredLanguage = "Welsh",
        });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var referralId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var accepted = await client.PostAsync($"/api/v1/referrals/{referralId}/accept", null);
        Assert.True(accepted.StatusCode == HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        var referral = await client.GetFromJsonAsync<JsonElement>($"/api/v1/referrals/{referralId}");
        return (referral.GetProperty("caseId").GetGuid(), referral.GetProperty("childId").GetGuid());
    }

    /// <summary>A new case (as <see cref="NewCaseAsync"/>) with the demo's seconded police officer, PC Rhys Davies, on it.</summary>
    public static async Task<Guid> NewCaseWithPoliceAsync(HttpClient caseManager)
    {
        var (caseId, _) = await NewCaseAsync(caseManager);
        var choices = await caseManager.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/choices");
        var police = choices.GetProperty("practitioners").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "PC Rhys Davies").GetProperty("id").GetGuid();
        var added = await caseManager.PostAsJsonAsync($"/api/v1/cases/{caseId}/practitioners", new { userId = police, contribution = "Neighbourhood officer" });
        Assert.Equal(HttpStatusCode.NoContent, added.StatusCode);
        return caseId;
    }
}
