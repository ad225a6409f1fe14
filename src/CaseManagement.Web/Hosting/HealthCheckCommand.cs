namespace CaseManagement.Web.Hosting;

/// <summary>
/// <c>dotnet CaseManagement.Web.dll healthcheck [url]</c> exits 0 when the running app answers /health/ready with 200.
/// The container's health check uses it, because the runtime image has no curl or wget.
/// </summary>
public static class HealthCheckCommand
{
    public const string Verb = "healthcheck";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var url = new Uri(args.Length > 0 ? args[0] : "http://127.0.0.1:8080/health/ready");
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(url);
            await output.WriteLineAsync($"{url} answered {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await output.WriteLineAsync($"{url} did not answer: {ex.Message}");
            return 1;
        }
    }
}
