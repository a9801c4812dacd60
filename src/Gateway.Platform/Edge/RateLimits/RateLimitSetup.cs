using System.Threading.RateLimiting;
using Gateway.Platform.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Gateway.Platform.Edge.RateLimits;

/// <summary>
/// ASP.NET Core's rate limiter with one policy per kind of attempt, partitioned by client address (the
/// real one: forwarded headers are applied first, from trusted proxies only). Safe methods pass: loading
/// the sign-in page is not an attempt. Per-account limits are the <see cref="Throttle"/>'s.
/// </summary>
internal static class RateLimitSetup
{
    public static void AddGatewayRateLimits(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var developmentLike = builder.Environment.IsDevelopmentLike();
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .Validate(o => o.Enabled || developmentLike, "RateLimits:Enabled=false is for load tests on a developer machine only.")
            .Validate(o => typeof(RateLimitOptions).GetProperties().Where(p => p.PropertyType == typeof(Limit))
                    .Select(p => (Limit)p.GetValue(o)!).All(l => l.Permits >= 1 && l.WindowSeconds >= 1),
                "RateLimits: every limit needs Permits and WindowSeconds of at least 1.")
            .ValidateOnStart();
        services.AddSingleton<Throttle>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, configured) =>
        {
            var limits = configured.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) => new ValueTask(TooManyRequests.WriteAsync(context.HttpContext,
                context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1)));
            AddPerAddress(limiter, limits, RateLimitPolicies.SignIn, limits.SignInPerAddress);
            AddPerAddress(limiter, limits, RateLimitPolicies.Registration, limits.RegistrationPerAddress);
            AddPerAddress(limiter, limits, RateLimitPolicies.ForgotPassword, limits.ForgotPasswordPerAddress);
            AddPerAddress(limiter, limits, RateLimitPolicies.Token, limits.TokenPerAddress);
            AddPerAddress(limiter, limits, RateLimitPolicies.Complaints, limits.ComplaintsPerAddress);
            AddPerAddress(limiter, limits, RateLimitPolicies.Track, limits.TrackPerAddress);
            AddPerAddress(limiter, limits, RateLimitPolicies.Search, limits.SearchPerAddress, countSafeMethods: true);
        });
    }

    private static void AddPerAddress(RateLimiterOptions limiter, RateLimitOptions limits, string policy, Limit limit, bool countSafeMethods = false) =>
        limiter.AddPolicy(policy, context =>
        {
            if (!limits.Enabled || (!countSafeMethods && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))))
            {
                return RateLimitPartition.GetNoLimiter(string.Empty);
            }

            var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            return RateLimitPartition.GetFixedWindowLimiter(address, _ => limit.FixedWindow());
        });
}
