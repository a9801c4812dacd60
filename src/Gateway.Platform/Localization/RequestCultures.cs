using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gateway.Platform.Localization;

/// <summary>
/// The caller's language where the localization middleware did not run (pass-through requests, refusals
/// before it, and error responses written after it unwound): same providers, same supported languages.
/// Callers apply it themselves (<c>Set(await ResolveAsync(context))</c>): a culture set inside an awaited
/// method does not flow back out of it.
/// </summary>
public static class RequestCultures
{
    public static async Task<CultureInfo> ResolveAsync(HttpContext context)
    {
        if (context.Features.Get<IRequestCultureFeature>() is { } feature)
        {
            return feature.RequestCulture.UICulture;
        }

        var options = context.RequestServices.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value;
        foreach (var provider in options.RequestCultureProviders)
        {
            var result = await provider.DetermineProviderCultureResult(context);
            foreach (var candidate in result?.UICultures ?? [])
            {
                var name = candidate.Value ?? string.Empty;
                var supported = options.SupportedUICultures?.FirstOrDefault(c =>
                    string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)
                    || name.StartsWith(c.Name + "-", StringComparison.OrdinalIgnoreCase));
                if (supported is not null)
                {
                    return supported;
                }
            }
        }

        return options.DefaultRequestCulture.UICulture;
    }

    public static void Set(CultureInfo culture)
    {
        CultureInfo.CurrentUICulture = culture;
        CultureInfo.CurrentCulture = culture;
    }
}
