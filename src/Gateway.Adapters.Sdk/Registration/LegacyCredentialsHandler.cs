using System.Net.Http.Headers;
using System.Text;

namespace Gateway.Adapters.Sdk.Registration;

/// <summary>Adds the legacy app's credentials from configuration to every call, so Refit interfaces never carry them.</summary>
internal sealed class LegacyCredentialsHandler(AdapterOptions options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            request.Headers.Remove(options.ApiKeyHeader);
            request.Headers.TryAddWithoutValidation(options.ApiKeyHeader, options.ApiKey);
        }

        if (!string.IsNullOrEmpty(options.Username))
        {
            var pair = Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(pair));
        }

        return base.SendAsync(request, cancellationToken);
    }
}
