using System.Text.Json.Serialization;
using Gateway.Adapters.Sdk.Contract;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Refit;

namespace Gateway.Adapters.Sdk.Registration;

/// <summary>
/// Where an adapter service registers its adapter, in one line (<c>adapters.AddDisdukcapil()</c>), and
/// where the adapter registers its Refit client with the SDK's defaults.
/// </summary>
public sealed class AdapterBuilder
{
    internal AdapterBuilder(IServiceCollection services, IConfiguration configuration)
    {
        Services = services;
        Configuration = configuration;
    }

    public IServiceCollection Services { get; }

    public IConfiguration Configuration { get; }

    /// <summary>Registers an adapter under <paramref name="name"/>: its settings are <c>Adapters:{name}</c>.</summary>
    public AdapterBuilder Add<TAdapter>(string name) where TAdapter : class, IServiceAdapter
    {
        Services.AddOptions<AdapterOptions>(name)
            .BindConfiguration($"{AdapterOptions.Section}:{name}")
            .ValidateDataAnnotations()
            .ValidateOnStart();
        Services.AddKeyedTransient<IServiceAdapter, TAdapter>(name);
        return this;
    }

    /// <summary>Registers the civil registry check an adapter offers (the Disdukcapil adapter's), served over the adapter contract.</summary>
    public AdapterBuilder AddCivilRegistry<TRegistry>() where TRegistry : class, ICivilRegistry
    {
        Services.AddTransient<ICivilRegistry, TRegistry>();
        return this;
    }

    /// <summary>A Refit client for a JSON legacy API, with <paramref name="json"/> (Web defaults) for its models.</summary>
    public IHttpClientBuilder AddLegacyClient<TApi>(string name, JsonSerializerContext json) where TApi : class =>
        WithDefaults(Services.AddRefitGeneratedClient<TApi>(json, _ => new RefitSettings(new SystemTextJsonContentSerializer(json.Options)), $"legacy-{name}"), name);

    /// <summary>
    /// A Refit client with its own content serializer (XML, SOAP). Refit's generated-client registration
    /// only takes System.Text.Json, so the generated implementation is created over the named client here.
    /// </summary>
    public IHttpClientBuilder AddLegacyClient<TApi>(string name, IHttpContentSerializer serializer) where TApi : class
    {
        var clientName = $"legacy-{name}";
        var settings = new RefitSettings(serializer);
        Services.AddTransient(sp => RestService.ForGenerated<TApi>(sp.GetRequiredService<IHttpClientFactory>().CreateClient(clientName), settings));
        return WithDefaults(Services.AddHttpClient(clientName), name);
    }

    /// <summary>
    /// The SDK's defaults for every legacy call: base address and credentials from configuration,
    /// a per-attempt timeout, retries (with backoff, honouring Retry-After) only for methods that are
    /// safe to repeat, and a circuit breaker so a dead app is not hammered.
    /// </summary>
    private static IHttpClientBuilder WithDefaults(IHttpClientBuilder client, string name)
    {
        client.ConfigureHttpClient((sp, http) =>
        {
            // An adapter bound to no service may have no address; it is then never called.
            http.BaseAddress = sp.GetRequiredService<IOptionsMonitor<AdapterOptions>>().Get(name).BaseAddress ?? new Uri("http://unconfigured.invalid/");
            http.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline owns timeouts
        });
        client.AddStandardResilienceHandler().Configure((HttpStandardResilienceOptions resilience, IServiceProvider sp) =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<AdapterOptions>>().Get(name);
            var attempt = TimeSpan.FromSeconds(options.TimeoutSeconds);
            resilience.AttemptTimeout.Timeout = attempt;
            resilience.Retry.MaxRetryAttempts = 2;
            resilience.Retry.Delay = TimeSpan.FromMilliseconds(200);
            resilience.Retry.DisableForUnsafeHttpMethods();
            resilience.TotalRequestTimeout.Timeout = attempt * 3 + TimeSpan.FromSeconds(2);
            resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, options.TimeoutSeconds * 2 + 1));
            resilience.CircuitBreaker.MinimumThroughput = options.CircuitBreakerMinimumCalls;
            // Half, not the standard 10 %: legacy apps fail now and then (a third of calls, for some) and still
            // work; at 10 % the breaker stayed open for such an app, and filings waited on it for minutes.
            resilience.CircuitBreaker.FailureRatio = 0.5;
            resilience.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(15);
        });
        client.AddHttpMessageHandler(sp => new LegacyCredentialsHandler(sp.GetRequiredService<IOptionsMonitor<AdapterOptions>>().Get(name)));
        return client;
    }
}

public static class AdapterHostExtensions
{
    /// <summary>Registers adapters: an adapter service's (<see cref="Service.AdapterServiceHost"/>), or the conformance kit's in-process host.</summary>
    public static IHostApplicationBuilder AddAdapters(this IHostApplicationBuilder builder, Action<AdapterBuilder> adapters)
    {
        adapters(new AdapterBuilder(builder.Services, builder.Configuration));
        return builder;
    }
}
