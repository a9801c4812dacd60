using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gateway.Platform.Localization;

/// <summary>
/// Applies the caller's language where the localization middleware did not run (pass-through requests,
/// and error responses written after it unwound): same providers, same supported languages.
/// </summary>
public static class RequestCultures
{
    public static async Task ApplyAsync(HttpContext context)
    {
        if (context.Features.Get<IRequestCultureFeature>() is { } feature)
        {
            Set(feature.RequestCulture.UICulture);
            return;
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
                    Set(supported);
                    return;
                }
            }
        }

        Set(options.DefaultRequestCulture.UICulture);
    }

    private static void Set(CultureInfo culture)
    {
        CultureInfo.CurrentUICulture = culture;
        CultureInfo.CurrentCulture = culture;
    }
}
