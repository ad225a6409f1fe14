using System.Globalization;

namespace CaseManagement.IntegrationTests.Work;

/// <summary>What the tests of interventions and onward referrals share: dates, a case to work on, and the problem a client reads.</summary>
internal static class WorkApi
{
    public static string Day(int fromToday) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(fromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A new child's case, allocated to the demo case manager (Siân Evans), with the demo practitioner on it.</summary>
    public static async Task<(Guid CaseId, Guid ChildId)> AllocatedCaseAsync(HttpClient client)
    {
        var (caseId, childId) = await TestCases.NewCaseAsync(client);
        var choices = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/choices");
        var manager = choices.GetProperty("caseManagers").EnumerateArray().First(p => p.GetProperty("name").GetString() == "Siân Evans");
        var practitioner = choices.GetProperty("practitioners").EnumerateArray().First();
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/allocation", new { caseManagerUserId = manager.GetProperty("id").GetGuid() })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/practitioners", new { userId = practitioner.GetProperty("id").GetGuid(), contribution = "Speech and language" })).StatusCode);
        return (caseId, childId);
    }

    /// <summary>Asserts the answer is a problem of the given status whose words (a rule's, or a field's) include the message.</summary>
    public static async Task RefusedAsync(HttpResponseMessage response, HttpStatusCode status, string message)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        var words = new List<string>();
        if (problem.TryGetProperty("detail", out var detail))
        {
            words.Add(detail.GetString() ?? string.Empty);
        }

        if (problem.TryGetProperty("errors", out var errors))
        {
            words.AddRange(errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray()).Select(m => m.GetString() ?? string.Empty));
        }

        Assert.Contains(message, words);
    }

    public static async Task<Guid> CreatedIdAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<List<string?>> TimelineKindsAsync(HttpClient client, Guid childId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/children/{childId}/timeline")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString()).ToList();
}
