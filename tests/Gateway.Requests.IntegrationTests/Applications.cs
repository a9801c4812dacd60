using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Gateway.Requests.IntegrationTests;

/// <summary>How the tests apply for a service: as the citizen's portal does, with an idempotency key each time unless one is given.</summary>
internal static class Applications
{
    public static async Task<HttpResponseMessage> ApplyAsync(this BrowserSession citizen, JsonObject body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/requests") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey ?? Guid.NewGuid().ToString());
        return await citizen.SendAsync(request);
    }

    /// <summary>A valid birth-certificate application for the fixture's form (the child's name varies if asked).</summary>
    public static JsonObject BirthCertificate(string childName = "Aditya Pratama") => new()
    {
        ["service"] = RequestGatewayBase.ServiceSlug,
        ["fields"] = new JsonObject { ["nama_anak"] = childName, ["tanggal_lahir"] = "2026-11-02", ["nik_ibu"] = "3273015708900001" },
    };
}
