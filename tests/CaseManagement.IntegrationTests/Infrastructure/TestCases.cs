namespace CaseManagement.IntegrationTests.Infrastructure;

/// <summary>Cases the API tests start from.</summary>
public static class TestCases
{
    /// <summary>A referral for a new child (a family name nobody else has), accepted: its case is on the waiting list.</summary>
    public static async Task<(Guid CaseId, Guid ChildId)> NewCaseAsync(HttpClient client, string source = "PoliceNeighbourhoodTeam", string urgency = "Urgent", string? givenName = null)
    {
        // Names, birthday and postcode no other test's child shares, so the referral registers a new child.
        var bytes = Guid.NewGuid().ToByteArray();
        var family = UniqueFamilyName();
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

    private static int _phones = -1;

    /// <summary>
    /// A family name no other test's child has: the initial and nine random letters. Letters only (decision 0118):
    /// matching reads any other character as a space between words, so a name of hex digits ("Q3fa9b2c1d") was the
    /// double-barrelled "q fa b c d", sharing parts ("q", "b") with nearly every other such name, and two test children
    /// with the same given name and school were then offered as one child for a person to decide.
    /// </summary>
    public static string UniqueFamilyName(char initial = 'Q') =>
        initial + new string(Guid.NewGuid().ToByteArray().Take(9).Select(b => (char)('a' + (b % 26))).ToArray());

    /// <summary>
    /// A mobile number in the range kept for drama (07700 900000 to 900999) that no other test of this run has been
    /// given, nor one a slip away: the last three digits step by 11, so any two differ in two digits or more and no swap
    /// of neighbouring digits (the only swap matching reads as a slip) makes one the other (91 numbers, then they come round again; a test class uses a handful). A random
    /// number (one in 900) was sometimes another test's child's, or one digit from it, which matching reads as the same
    /// home's phone (decision 0118).
    /// </summary>
    public static string UniquePhone() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"07700 900{System.Threading.Interlocked.Increment(ref _phones) % 91 * 11:000}");

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
