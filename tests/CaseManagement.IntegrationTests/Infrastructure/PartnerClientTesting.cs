using System.Net.Http.Headers;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests.Infrastructure;

/// <summary>Partner systems as OAuth clients (docs/decisions/0044): a client for the demo partner account, and its tokens.</summary>
public static class PartnerClientTesting
{
    public const string PartnerEmail = "mash-system@demo.example";

    /// <summary>Registers a client with a secret for the demo partner account, as the administrators' page does.</summary>
    public static async Task<PartnerClientCredentials> RegisterAsync(AppFactory factory, params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var partner = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(PartnerEmail);
        return await scope.ServiceProvider.GetRequiredService<IPartnerClients>().RegisterAsync(new NewPartnerClient(partner!.Id, "Test MASH system", scopes, null), CancellationToken.None);
    }

    /// <summary>The token endpoint's answer to the client credentials grant with a client secret.</summary>
    public static async Task<HttpResponseMessage> RequestTokenAsync(HttpClient client, string clientId, string secret, string? scope = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var fields = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret };
        if (scope is not null)
        {
            fields["scope"] = scope;
        }

        return await client.PostAsync("/connect/token", new FormUrlEncodedContent(fields));
    }

    /// <summary>A client for the API with a new client's token, holding the scopes given.</summary>
    public static async Task<HttpClient> ClientWithTokenAsync(AppFactory factory, params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var credentials = await RegisterAsync(factory, scopes);
        var client = factory.Anonymous();
        var response = await RequestTokenAsync(client, credentials.ClientId, credentials.Secret!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
